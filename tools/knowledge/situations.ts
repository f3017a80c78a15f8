// A hand-written seed list like occasions.ts, for the everyday situations and states people describe
// instead of naming a topic ("I have a job interview tomorrow", "헬스장 가는 중", "I'm freezing", "배불러"):
// each with its names in English and Korean and what goes with it, as plain English words the sticker
// catalog uses (titles or tags). WordNet's hops from these words lead to definitions, not to things
// ("interview -> question", "freezing -> cooling, liquid, solid", "hangover -> office"), and most Korean
// names here label no emoji. General: no sentence, no catalog; the occasion seed's build code reads this
// list the same way (tools/knowledge/build.ts). Walked area by area: weather, body and health, feelings,
// work and school, home, leisure, travel, food, social life, money, seasons and times of day.
//
// How the names are read (src/core/knowledge/match.ts):
// - The first English name is the concept. Where it is a WordNet lemma ("freezing", "hangover") the
//   implied things join WordNet's edges and the five heaviest ship, so the first implied things (0.85,
//   0.78, ...) usually replace its definition words; order them most typical first. Another name that
//   is a lemma keeps its WordNet sense beside this one.
// - A name that is also an everyday word with another meaning is left out ("broke" alone is a past
//   tense, "방콕" Bangkok, "기상" the weather office, "번개" lightning, "정체" identity, "주말" a stop word).
// - A Korean name of several words is found only where its last word is itself a known form ("비 오는
//   날": 날), and a Korean predicate is found in all its forms only through ko-state-words.ts, which may
//   name one of these situations (배부르다 -> stuffed, 얼어 죽다 -> freezing); here a predicate name is
//   found as written or with 요 ("배불러", "너무 더워요").
import type { OccasionSeed } from './occasions.ts';

export const SITUATIONS: readonly OccasionSeed[] = [
  // --- Weather and temperature.
  { en: ['freezing', 'freezing cold', 'so cold', 'too cold', 'cold weather', 'cold snap', 'bitter cold', 'cold wave', 'teeth chattering', "can't feel my fingers", 'frozen solid', 'frostbite', "heating's out", 'heating is out', 'heating broke', 'heater broke', 'no heating', 'see my breath', 'can see my breath'], ko: ['추워', '너무 추워', '한파', '강추위', '추운 날씨', '보일러 고장', '보일러가 고장', '난방 고장', '난방이 안', '꽁꽁 얼었', '손발이 꽁꽁', '손이 꽁꽁'], implies: ['cold face', 'snowflake', 'scarf', 'gloves', 'coat'] },
  { en: ['heatwave', 'heat wave', 'so hot', 'too hot', 'scorching', 'boiling hot', 'sweltering', 'hot weather', 'sweating buckets', 'boiling', 'roasting', 'baking outside', 'literally melting', "i'm melting", 'melting in this heat', 'sweating like crazy', 'ac broke', 'ac died', 'ac is broken', 'ac just died', 'air conditioning broke', 'air conditioner broke', 'no ac'], ko: ['폭염', '무더위', '찜통더위', '더워', '너무 더워', '더운 날씨', '녹을 것 같', '더워 죽겠', '땀이 줄줄', '땀범벅', '에어컨 고장', '에어컨이 고장', '에어컨 고장났'], implies: ['hot face', 'sun', 'folding hand fan', 'sweat droplets', 'shaved ice'] },
  { en: ['rainy day', 'raining', 'rainy season', 'downpour', 'drenched', 'got caught in the rain', 'soaking wet', 'pouring rain', 'pouring outside', 'soaked', 'got soaked', 'forgot my umbrella', 'no umbrella'], ko: ['비 오는 날', '장마', '장마철', '소나기', '비 맞았', '홀딱 젖', '비에 젖', '우산 없', '비 와', '비가 와', '비 온다', '비가 온다', '비가 내려', '비 내려'], implies: ['umbrella', 'cloud with rain', 'closed umbrella', 'umbrella with rain drops'] },
  { en: ['snow day', 'snowing', 'snowfall', 'first snow', 'snowstorm', 'blizzard'], ko: ['눈 오는 날', '폭설', '첫눈', '함박눈', '눈보라', '눈 와', '눈이 와', '눈 온다', '눈이 온다', '눈이 내려', '눈 내려'], implies: ['snowman', 'snowflake', 'cloud with snow'] },
  { en: ['windy', 'so windy', 'strong wind', 'gusty'], ko: ['강풍', '칼바람', '바람 부는 날'], implies: ['wind face', 'leaf fluttering in wind', 'dashing away', 'wind chime'] },
  { en: ['humid', 'so humid', 'muggy', 'humidity', 'sticky weather'], ko: ['습해', '너무 습해', '후텁지근'], implies: ['droplet', 'sweat droplets', 'hot face', 'folding hand fan'] },
  { en: ['sunny day', 'nice weather', 'beautiful day', 'clear sky', 'clear skies'], ko: ['맑은 날', '화창한 날', '날씨 좋은 날'], implies: ['sun', 'sun with face', 'smiling face with sunglasses', 'sunglasses'] },
  { en: ['typhoon', 'hurricane', 'thunderstorm', 'storm warning'], ko: ['태풍', '폭풍', '천둥번개', '폭풍우'], implies: ['cyclone', 'cloud with lightning and rain', 'umbrella with rain drops', 'wind face', 'tornado'] },
  { en: ['fine dust', 'air pollution', 'smog', 'bad air quality', 'yellow dust'], ko: ['미세먼지', '초미세먼지', '황사'], implies: ['face with medical mask', 'fog', 'foggy'] },
  { en: ['sunburn', 'sunburned', 'sunburnt', 'sunscreen', 'look like a lobster', 'red as a lobster', 'burnt to a crisp'], ko: ['일광화상', '선크림', '자외선', '타 버렸', '새빨갛게 탔'], implies: ['sun', 'lotion bottle', 'hot face', 'beach with umbrella'] },
  // --- Body and health.
  { en: ['sleepy', 'so sleepy', 'drowsy', 'need a nap', 'half asleep', 'barely awake', 'dozing off', 'nodding off', 'falling asleep', "can't stay awake", 'running on no sleep', 'need sleep', 'so tired', 'worn out', "can't keep my eyes open", 'cant keep my eyes open', 'barely keep my eyes open', 'eyes keep closing', 'struggling to stay awake', 'fighting sleep', 'dead tired', 'dog tired', 'wiped out', 'knackered', 'running on fumes'], ko: ['졸려', '잠 와', '낮잠', '졸려 죽겠', '꾸벅꾸벅', '비몽사몽', '눈이 감겨', '잠이 덜 깼', '눈꺼풀이 무거', '잠이 쏟아', '눈이 자꾸 감겨'], implies: ['sleepy face', 'yawning face', 'ZZZ', 'bed', 'sleeping face'] },
  { en: ['insomnia', "can't sleep", 'cant sleep', 'cannot sleep', 'sleepless', 'sleepless night', 'up all night', 'all nighter'], ko: ['불면증', '밤샘', '잠 못 드는 밤', '잠이 안 와', '잠이 안 온다', '잠이 안 오네', '잠 안 와', '잠을 못 자', '잠을 못 잤'], implies: ['face with bags under eyes', 'night with stars', 'owl', 'crescent moon', 'bed'] },
  { en: ['hangover', 'hungover', 'hung over', 'drank too much', 'too much to drink', 'had too much to drink', 'too much wine', 'too much beer', 'too much soju', 'rough night out'], ko: ['숙취', '해장', '과음', '술병 났', '어제 과음', '술 마시고', '필름 끊겼', '필름이 끊겼'], implies: ['nauseated face', 'woozy face', 'face vomiting', 'beer mug', 'pill'] },
  { en: ['common cold', 'caught a cold', 'catch a cold', 'have a cold', 'runny nose', 'stuffy nose', 'sore throat', 'coughing', 'stuffy', 'runny', 'sniffles', 'the sniffles', 'blocked nose', 'scratchy throat', 'under the weather', 'feeling under the weather', 'coming down with something', 'blocked up'], ko: ['감기', '감기몸살', '몸살', '콧물', '기침', '목감기', '코감기', '코막힘', '목이 따끔', '재채기', '몸이 으슬으슬', '으슬으슬'], implies: ['sneezing face', 'face with thermometer', 'face with medical mask', 'pill', 'hot beverage'] },
  // Being ill, said plainly: "sick" alone is also "cool" and "sick of" is fed up, so the names say it.
  { en: ['feeling sick', 'feel sick', 'got sick', 'getting sick', 'am sick', 'sick in bed', 'sick day', 'called in sick', 'not feeling well', 'feeling ill', 'feel ill', 'stomach ache', 'stomachache', 'tummy ache', 'upset stomach', 'food poisoning', 'throwing up', 'threw up'], ko: ['몸이 아파', '몸이 안 좋아', '속이 안 좋아', '배탈', '배가 아파', '배 아파', '식중독', '토할 것 같'], implies: ['face with thermometer', 'nauseated face', 'face with medical mask', 'pill', 'person in bed'] },
  { en: ['headache', 'migraine', 'head hurts', 'my head hurts', 'pounding head', 'pounding headache', 'splitting headache', 'throbbing head', 'head is killing me', 'head is throbbing', 'head is pounding', 'my head is pounding', 'head is splitting'], ko: ['두통', '편두통', '머리 아파', '머리가 아파', '머리가 깨질', '머리가 지끈'], implies: ['face with head-bandage', 'pill', 'persevering face', 'tired face'] },
  { en: ['stuffed', 'so full', "i'm full", 'ate too much', 'overate', 'overeating', 'food coma', 'full stomach'], ko: ['배불러', '과식', '배터져'], implies: ['face savoring food', 'fork and knife with plate', 'face exhaling', 'sleeping face'] },
  { en: ['thirsty', 'so thirsty', 'parched', 'dehydrated'], ko: ['갈증', '갈증 나'], implies: ['drink', 'cup with straw', 'potable water', 'beverage box', 'tumbler glass'] },
  { en: ['hungry', 'so hungry', 'starving', 'starved'], ko: ['배고파', '너무 배고파', '출출'], implies: ['fork and knife with plate', 'drooling face', 'face savoring food', 'food'] },
  { en: ['sore muscles', 'muscle pain', 'muscle ache', 'aching muscles', 'so sore'], ko: ['근육통', '알배김'], implies: ['person getting massage', 'flexed biceps', 'adhesive bandage', 'weary face'] },
  { en: ['allergy', 'allergies', 'hay fever', 'pollen allergy', 'sneezing'], ko: ['알레르기', '알러지', '비염', '꽃가루 알레르기', '꽃가루'], implies: ['sneezing face', 'face with medical mask', 'blossom', 'pill'] },
  { en: ['motion sickness', 'carsick', 'car sick', 'seasick', 'airsick'], ko: ['멀미', '차멀미', '뱃멀미'], implies: ['nauseated face', 'woozy face', 'face vomiting', 'pill'] },
  { en: ['overslept', 'oversleeping', 'slept in', 'running late', 'late for work', 'late for school'], ko: ['늦잠', '지각'], implies: ['alarm clock', 'person running', 'sleeping face', 'face screaming in fear'] },
  { en: ['early morning', 'woke up early', 'waking up early', 'morning routine'], ko: ['미라클모닝', '아침형 인간'], implies: ['alarm clock', 'sunrise', 'hot beverage', 'yawning face'] },
  // --- Feelings.
  { en: ['bored', 'so bored', 'boredom', 'nothing to do', 'bored to death', 'bored out of my mind', 'killing time'], ko: ['심심해', '너무 심심해'], implies: ['video game', 'puzzle piece', 'game die', 'joystick', 'yawning face'] },
  { en: ['lonely', 'so lonely', 'loneliness', 'feeling alone', 'nobody texted', 'nobody texted me', 'no one texted', 'no one called', 'feel invisible', 'feeling invisible', 'left out', 'all alone'], ko: ['외로워', '너무 외로워', '쓸쓸해', '아무도 연락', '혼자 남', '나만 혼자'], implies: ['pensive face', 'bust in silhouette', 'crying face', 'broken heart'] },
  { en: ['stressed', 'stressed out', 'burnout', 'burned out', 'burnt out', 'overwhelmed', 'losing my mind', 'going crazy', "at my wit's end", 'so much to do', 'swamped', 'drowning in work', 'buried in work', 'up to my neck', 'falling apart'], ko: ['스트레스', '멘붕', '번아웃', '정신없어', '스트레스 받', '미치겠', '일이 산더미', '정신이 하나도 없'], implies: ['exploding head', 'face with steam from nose', 'weary face', 'persevering face', 'face with spiral eyes'] },
  { en: ['excited', 'so excited', "can't wait", 'cant wait', 'hyped'], ko: ['신나', '너무 신나', '기대돼', '설레'], implies: ['star-struck', 'partying face', 'grinning face with big eyes', 'party popper', 'sparkles'] },
  { en: ['nervous', 'so nervous', 'anxious', 'butterflies in my stomach', 'freaked out', 'panicking', 'panic attack', 'on edge', 'jittery', 'the jitters', 'stage fright', 'nerve wracking', 'worried sick', 'so worried', 'scared stiff', 'freak out', 'shaking like a leaf', 'sweaty palms', 'my hands are shaking', 'heart is racing', 'nerves are shot', 'cold feet', "hands won't stop shaking", 'hands are shaking', "can't stop shaking", 'shaking so much'], ko: ['긴장돼', '떨려', '너무 떨려', '조마조마', '초조해', '불안해', '심장이 두근', '긴장된다', '손이 떨려', '손 떨려'], implies: ['anxious face with sweat', 'crossed fingers', 'grimacing face', 'folded hands', 'downcast face with sweat'] },
  { en: ['heartbroken', 'heartbreak', 'breakup', 'broke up', 'got dumped', 'broken hearted', 'she left me', 'he left me', 'dumped me', 'broke my heart'], ko: ['이별', '실연', '헤어졌어'], implies: ['broken heart', 'loudly crying face', 'crying face', 'mending heart', 'wilted flower'] },
  { en: ['homesick', 'homesickness', 'miss home', 'missing home'], ko: ['향수병', '고향 생각', '집 생각'], implies: ['house', 'family', 'pensive face', 'house with garden'] },
  { en: ['proud', 'so proud', 'proud of you', 'proud of myself'], ko: ['뿌듯해', '자랑스러워'], implies: ['clapping hands', 'trophy', 'flexed biceps', 'sports medal', 'beaming face with smiling eyes'] },
  { en: ['falling in love', 'fell in love', 'have a crush', 'head over heels'], ko: ['짝사랑', '첫사랑', '썸타'], implies: ['smiling face with heart-eyes', 'heart with arrow', 'two hearts', 'love letter'] },
  // --- Work and school.
  { en: ['job interview', 'interview'], ko: ['면접', '취업 면접'], implies: ['necktie', 'briefcase', 'office worker', 'office building'] },
  { en: ['new job', 'first day at work', 'first day of work'], ko: ['첫 출근', '입사', '새 직장', '취직'], implies: ['office building', 'briefcase', 'office worker', 'necktie'] },
  { en: ['job hunting', 'job search', 'looking for a job', 'job applications'], ko: ['취준', '취업준비', '구직'], implies: ['briefcase', 'necktie', 'page facing up', 'magnifying glass tilted left'] },
  { en: ['got promoted', 'job promotion', 'pay raise'], ko: ['승진', '연봉 인상'], implies: ['party popper', 'office worker', 'trophy', 'chart increasing'] },
  { en: ['quitting my job', 'quit my job', 'resignation letter', 'last day at work'], ko: ['퇴사', '사직서', '퇴사 선물'], implies: ['briefcase', 'waving hand', 'office building', 'party popper'] },
  { en: ['studying', 'cramming', 'study session', 'study group'], ko: ['벼락치기', '열공', '스터디', '독서실'], implies: ['books', 'pencil', 'open book', 'notebook', 'student'] },
  // An exam is a situation, not an occasion: what one feels beside it (nerves) is as much the topic.
  { en: ['exam', 'exams', 'finals', 'final exam', 'midterm', 'midterms'], ko: ['시험', '수능', '기말고사', '중간고사', '시험 기간'], implies: ['books', 'pencil', 'memo', 'school', 'student'] },
  // Its end is a celebration, not more books: "LAST FINAL DONE. i am FREE".
  { en: ['end of exams', 'exams are over', 'finals are over', 'finals are done', 'done with finals', 'done with exams', 'last final done', 'last exam done', 'finished my exams', 'finished my finals', 'semester is over', 'i am free', 'finally free'], ko: ['시험 끝', '시험 끝났', '종강', '기말 끝', '시험 드디어 끝'], implies: ['partying face', 'party popper', 'relieved face', 'confetti ball', 'celebration'] },
  { en: ['homework', 'assignment', 'assignments', 'essay due', 'term paper'], ko: ['숙제', '과제', '레포트', '리포트'], implies: ['memo', 'pencil', 'books', 'notebook', 'laptop'] },
  { en: ['deadline', 'deadlines', 'due tomorrow', 'crunch time'], ko: ['마감', '마감일', '데드라인'], implies: ['alarm clock', 'hourglass not done', 'calendar', 'anxious face with sweat', 'laptop'] },
  { en: ['overtime', 'working late', 'work late', 'late shift', 'night shift'], ko: ['야근', '철야', '특근', '야간근무'], implies: ['office worker', 'laptop', 'tired face', 'night with stars', 'hot beverage'] },
  { en: ['commute', 'commuting', 'rush hour', 'way to work'], ko: ['출근', '출근길', '출퇴근', '지옥철'], implies: ['metro', 'bus', 'office building', 'train'] },
  { en: ['off work', 'done with work', 'after work', 'clocking out'], ko: ['퇴근', '퇴근길', '칼퇴', '퇴근 후'], implies: ['beer mug', 'relieved face', 'house', 'couch and lamp'] },
  { en: ['traffic jam', 'stuck in traffic', 'heavy traffic', 'gridlock', 'bumper to bumper', 'stuck on the highway', 'stuck on the freeway', 'stuck on the motorway', 'rush hour traffic', 'crawling along the highway', 'crawling along the freeway', 'traffic is crazy', 'traffic is terrible', 'stop and go traffic', 'in traffic for an hour', "haven't moved an inch", 'not moving at all', 'stuck on the interstate', 'crawling along the interstate', 'sitting in traffic'], ko: ['교통체증', '차막힘', '차가 막혀', '길이 막혀', '꽉 막힌', '차가 너무 막혀', '길이 너무 막혀', '도로가 주차장', '꼼짝도 안 해', '한 시간째 제자리'], implies: ['automobile', 'vertical traffic light', 'motorway', 'weary face'] },
  { en: ['work meeting', 'team meeting', 'business meeting', 'conference call', 'zoom call', 'zoom meeting'], ko: ['회의', '화상회의', '화상 회의'], implies: ['office worker', 'bar chart', 'laptop', 'speech balloon', 'calendar'] },
  { en: ['presentation', 'giving a presentation', 'public speaking', 'pitch deck'], ko: ['발표', '프레젠테이션', '발표 준비'], implies: ['bar chart', 'microphone', 'laptop', 'chart increasing', 'office worker'] },
  { en: ['back to school', 'first day of school', 'new semester', 'school starts', 'starts school', 'starts first grade', 'starting school', 'starts kindergarten'], ko: ['개학', '신학기', '입학', '입학식', '초등학교 입학'], implies: ['school', 'backpack', 'student', 'pencil', 'books'] },
  { en: ['working from home', 'work from home', 'wfh', 'remote work'], ko: ['재택', '재택근무'], implies: ['laptop', 'house', 'hot beverage', 'desktop computer'] },
  { en: ['business trip', 'work trip'], ko: ['출장', '해외 출장'], implies: ['briefcase', 'airplane', 'luggage', 'hotel', 'office worker'] },
  // --- Home.
  { en: ['noisy neighbors', 'noisy neighbours', 'neighbors are so loud', 'upstairs neighbors', 'drilling next door', 'construction noise'], ko: ['층간소음', '윗집', '옆집 소음', '공사 소음', '쿵쿵'], implies: ['angry face', 'face with steam from nose', 'exploding head', 'loudspeaker', 'weary face'] },
  { en: ['moving house', 'moving out', 'moving in', 'new apartment', 'new house', 'boxes everywhere', 'packing boxes', 'new place'], ko: ['이사', '이삿날', '새 집'], implies: ['package', 'house', 'delivery truck', 'key'] },
  { en: ['cleaning the house', 'house cleaning', 'spring cleaning', 'tidying up', 'decluttering', 'cleaning', 'cleaning day', 'deep clean', 'deep cleaning', 'vacuuming', 'mopping', 'dusting', 'chores', 'housework', 'cleaning my room', 'cleaning the kitchen', 'cleaning the bathroom'], ko: ['대청소', '청소', '봄맞이 청소', '정리정돈', '청소기', '걸레질', '집안일', '방 청소', '화장실 청소'], implies: ['broom', 'sponge', 'soap', 'bucket'] },
  { en: ['laundry', 'doing laundry', 'washing clothes'], ko: ['빨래', '세탁', '빨래 개기'], implies: ['basket', 'soap', 't-shirt', 'bubbles'] },
  { en: ['doing the dishes', 'washing dishes', 'washing the dishes'], ko: ['설거지'], implies: ['sponge', 'soap', 'bubbles', 'fork and knife with plate'] },
  { en: ['cooking dinner', 'making dinner', 'cooking at home', 'home cooking', 'home cooked meal'], ko: ['집밥', '홈쿡', '저녁밥'], implies: ['cooking', 'pot of food', 'cook', 'shallow pan of food', 'fork and knife with plate'] },
  { en: ['baking', 'baking cookies', 'baking a cake', 'baking bread'], ko: ['베이킹', '홈베이킹'], implies: ['cookie', 'bread', 'cupcake', 'shortcake', 'croissant'] },
  { en: ['gardening', 'houseplants', 'house plants', 'watering the plants', 'repotting'], ko: ['텃밭', '정원 가꾸기', '식물 키우기', '반려식물', '분갈이'], implies: ['seedling', 'potted plant', 'sunflower', 'shovel'] },
  { en: ['new pet', 'new puppy', 'new kitten', 'adopted a dog', 'adopted a cat', 'adopted a puppy', 'adopted a kitten', 'pet adoption'], ko: ['입양', '강아지 입양', '고양이 입양', '반려동물 입양'], implies: ['paw prints', 'dog face', 'cat face', 'bone'] },
  { en: ['home repairs', 'home improvement', 'diy project', 'renovation', 'fixing things'], ko: ['집수리', '셀프인테리어', '리모델링'], implies: ['hammer', 'toolbox', 'screwdriver', 'carpentry saw', 'ladder'] },
  { en: ['power outage', 'power cut', 'no electricity'], ko: ['정전'], implies: ['candle', 'flashlight', 'low battery', 'electric plug'] },
  { en: ['bubble bath', 'hot bath', 'taking a bath', 'bath time'], ko: ['반신욕', '목욕', '입욕', '목욕 시간'], implies: ['bathtub', 'bubbles', 'person taking bath', 'soap'] },
  { en: ['binge watching', 'netflix', 'tv series', 'watching tv', 'tv show'], ko: ['넷플릭스', '넷플', '정주행', '몰아보기', '드라마 정주행'], implies: ['television', 'popcorn', 'couch and lamp', 'film frames'] },
  { en: ['staying in', 'staying home', 'stay home', 'lazy day', 'lazy weekend', 'lazy sunday', 'homebody'], ko: ['집콕', '집순이', '집돌이', '뒹굴뒹굴'], implies: ['couch and lamp', 'bed', 'television', 'relieved face'] },
  // --- Leisure.
  { en: ['gym', 'workout', 'working out', 'weightlifting', 'arm day', 'chest day', 'lifting', 'personal trainer', 'crossfit', 'squats', 'deadlifts', 'leg day', 'back day', 'shoulder day', 'hit the gym', 'pumping iron', 'bench press', 'gym session'], ko: ['헬스장', '헬스', '운동하러', '웨이트', '하체', '피티', '스쿼트', '데드리프트', '운동 끝', '하체 운동', '등 운동', '어깨 운동', '헬스 끝', '쇠질'], implies: ['flexed biceps', 'lifting weights', 'running shoe', 'sport'] },
  { en: ['concert', 'gig', 'live show', 'music festival'], ko: ['콘서트', '공연', '라이브', '페스티벌'], implies: ['microphone', 'guitar', 'singer', 'musical notes'] },
  { en: ['karaoke'], ko: ['노래방'], implies: ['microphone', 'singer', 'musical notes'] },
  { en: ['movie night', 'cinema', 'going to the movies'], ko: ['영화관', '영화 보러', '극장'], implies: ['popcorn', 'movie camera', 'cinema', 'film frames'] },
  { en: ['gaming', 'video games'], ko: ['게임', '게임하'], implies: ['video game', 'joystick', 'alien monster'] },
  { en: ['reading a book', 'book club', 'bookworm', 'reading a novel'], ko: ['독서', '북클럽', '책 읽어'], implies: ['open book', 'books', 'bookmark', 'glasses', 'hot beverage'] },
  { en: ['drawing', 'sketching', 'doodling', 'painting a picture', 'watercolor'], ko: ['드로잉', '스케치', '수채화', '그림 그려'], implies: ['artist palette', 'paintbrush', 'crayon', 'artist', 'framed picture'] },
  { en: ['knitting', 'crochet', 'crocheting', 'sewing'], ko: ['뜨개질', '코바늘', '바느질'], implies: ['yarn', 'sewing needle', 'thread', 'scarf'] },
  { en: ['photography', 'taking photos', 'taking pictures', 'photo shoot', 'photoshoot'], ko: ['출사', '사진 촬영', '촬영'], implies: ['camera', 'camera with flash', 'framed picture', 'selfie'] },
  { en: ['board games', 'board game', 'game night', 'card games', 'playing cards'], ko: ['보드게임', '보드 게임', '카드 게임'], implies: ['game die', 'chess pawn', 'puzzle piece', 'joker', 'spade suit'] },
  { en: ['fishing', 'fishing trip', 'going fishing'], ko: ['낚시', '바다낚시', '민물낚시'], implies: ['fishing pole', 'fish', 'tropical fish', 'water wave'] },
  { en: ['camping', 'camping trip', 'glamping', 'campfire'], ko: ['캠핑', '글램핑', '차박', '캠프파이어', '불멍', '모닥불'], implies: ['tent', 'fire', 'night with stars', 'evergreen tree', 'backpack'] },
  { en: ['hiking', 'hike', 'hiked', 'climbing a mountain', 'went hiking', 'trail', 'summit', 'mountain climbing'], ko: ['등산', '하이킹', '산행', '등산객', '정상', '둘레길', '산에 갔', '산에 다녀'], implies: ['hiking boot', 'mountain', 'backpack', 'camping'] },
  { en: ['cycling', 'bike ride', 'biking', 'riding a bike'], ko: ['라이딩', '자전거 여행', '자전거 라이딩'], implies: ['bicycle', 'person biking', 'person mountain biking'] },
  { en: ['ski trip', 'snowboarding', 'ski resort', 'ski season'], ko: ['스키장', '스노보드'], implies: ['skier', 'snowboarder', 'skis', 'snow-capped mountain', 'snowflake'] },
  { en: ['swimming pool', 'pool day', 'going swimming'], ko: ['수영장'], implies: ['person swimming', 'one-piece swimsuit', 'goggles', 'water wave'] },
  { en: ['yoga', 'pilates', 'meditation', 'meditating', 'stretching'], ko: ['요가', '필라테스', '명상', '스트레칭'], implies: ['person in lotus position', 'lotus', 'relieved face'] },
  { en: ['marathon', 'running a marathon', 'half marathon', 'jogging', 'going for a run', 'went for a run', '5k run', '10k run', 'morning run'], ko: ['마라톤', '러닝', '조깅', '달리기'], implies: ['person running', 'running shoe', 'running shirt', 'sports medal', 'stopwatch'] },
  { en: ['watching football', 'watching soccer', 'football match', 'soccer match', 'world cup', 'match day'], ko: ['월드컵', '축구 경기'], implies: ['soccer ball', 'stadium', 'goal net', 'beer mug', 'trophy'] },
  // Winning: "won" alone is also Korea's currency (WordNet), so the names say what was won.
  { en: ['victory', 'championship', 'won the game', 'won the match', 'won the championship', 'won the final', 'won the tournament', 'won the race', 'won first place', 'first place', 'we won', 'our team won', 'champions'], ko: ['우승', '승리', '이겼다', '이겼어', '1등 했'], implies: ['trophy', '1st place medal', 'sports medal', 'party popper', 'clapping hands'] },
  { en: ['baseball game', 'ball game', 'watching baseball'], ko: ['야구장', '야구 경기'], implies: ['baseball', 'stadium', 'beer mug', 'hot dog'] },
  { en: ['amusement park', 'theme park', 'roller coaster ride'], ko: ['놀이공원', '놀이동산', '테마파크'], implies: ['roller coaster', 'ferris wheel', 'carousel horse', 'balloon', 'admission tickets'] },
  { en: ['museum', 'art gallery', 'art exhibition', 'exhibition'], ko: ['미술관', '박물관', '전시회'], implies: ['framed picture', 'classical building', 'artist palette', 'admission tickets'] },
  { en: ['sauna', 'spa day', 'hot spring', 'jjimjilbang'], ko: ['찜질방', '사우나', '온천', '목욕탕'], implies: ['hot springs', 'person in steamy room', 'person getting massage', 'bathtub'] },
  { en: ['shopping', 'shopping mall', 'shopping spree', 'online shopping'], ko: ['쇼핑', '장보기', '백화점', '온라인 쇼핑'], implies: ['shopping bags', 'shopping cart', 'credit card', 'handbag'] },
  { en: ['haircut', 'hair salon'], ko: ['미용실', '머리 자르'], implies: ['person getting haircut', 'scissors', 'barber pole'] },
  // --- Travel.
  // Any trip, wherever to: what every journey packs (journey.ts tripThings gives a named destination
  // these beside its own things). WordNet's hops from "trip" and "travel" lead to "journey", "person"
  // and, by derivation, the locomotive: every trip had shown the same four trains.
  { en: ['trip', 'going on a trip', 'trip abroad', 'going abroad', 'traveling abroad', 'travelling abroad'], ko: ['여행', '해외여행', '여행 가', '여행 갈', '여행 가요'], implies: ['luggage', 'world map', 'camera', 'hotel'] },
  { en: ['vacation', 'time off', 'day off', 'getaway'], ko: ['휴가', '연차', '여행 가고 싶', '놀러 가', '놀러 갈', '놀러 왔'], implies: ['beach with umbrella', 'palm tree', 'desert island', 'airplane', 'luggage'] },
  { en: ['airport', 'flight', 'long flight', 'long haul flight', 'flying', 'flying tomorrow', 'red-eye', 'red eye flight', 'overnight flight', 'economy class', 'business class', 'layover', 'connecting flight', 'boarding pass', 'window seat', 'aisle seat', 'in economy', 'economy seat', 'long haul', 'hours on a plane', 'plane ride', 'on the plane', 'boarding soon', 'jet engine'], ko: ['공항', '비행기 타', '장거리 비행', '비행', '경유', '환승', '기내', '이코노미', '비즈니스석', '탑승권', '비행기 안', '기내식', '비행기에서'], implies: ['airplane', 'airplane departure', 'luggage', 'passport control'] },
  { en: ['jet lag', 'jetlag', 'jet lagged'], ko: ['시차', '시차적응'], implies: ['sleepy face', 'airplane', 'globe with meridians', 'alarm clock', 'face with bags under eyes'] },
  { en: ['road trip', 'long drive'], ko: ['드라이브', '자동차 여행'], implies: ['automobile', 'fuel pump', 'world map', 'motorway'] },
  { en: ['train ride', 'train trip', 'train journey', 'taking the train'], ko: ['기차 여행', '기차여행', 'ktx'], implies: ['high-speed train', 'train', 'railway car', 'station', 'ticket'] },
  { en: ['packing', 'packing for a trip', 'packing my suitcase', 'packing list'], ko: ['짐싸기', '여행 가방', '캐리어'], implies: ['luggage', 'backpack', 't-shirt', 'sunglasses'] },
  { en: ['lost luggage', 'lost my luggage', 'lost baggage', 'delayed luggage'], ko: ['수하물분실'], implies: ['luggage', 'baggage claim', 'left luggage', 'anxious face with sweat'] },
  { en: ['hotel stay', 'staycation', 'staying at a hotel'], ko: ['호캉스'], implies: ['hotel', 'bellhop bell', 'bed', 'key'] },
  { en: ['beach day', 'beach'], ko: ['해변', '바닷가', '해수욕'], implies: ['beach with umbrella', 'water wave', 'sun', 'swimming'] },
  { en: ['picnic'], ko: ['소풍', '피크닉'], implies: ['sandwich', 'basket', 'sun', 'watermelon'] },
  // --- Food moments.
  { en: ['breakfast', 'brunch', 'breakfast time'], ko: ['아침밥', '조식', '브런치'], implies: ['pancakes', 'egg', 'croissant', 'bacon', 'hot beverage'] },
  { en: ['lunch break', 'lunchtime', 'lunch time', 'lunch hour'], ko: ['점심시간', '점심 시간', '점심', '점메추'], implies: ['bento box', 'sandwich', 'steaming bowl', 'fork and knife with plate'] },
  { en: ['eating out', 'dinner out', 'eating at a restaurant'], ko: ['외식', '맛집'], implies: ['fork and knife with plate', 'face savoring food', 'wine glass', 'spaghetti'] },
  { en: ['late night snack', 'midnight snack', 'night snack', 'midnight munchies'], ko: ['야식', '치맥'], implies: ['poultry leg', 'pizza', 'steaming bowl', 'beer mug', 'crescent moon'] },
  { en: ['coffee break', 'coffee time', 'need coffee', 'need caffeine', 'tea time', 'afternoon tea'], ko: ['커피타임', '모닝커피', '티타임'], implies: ['hot beverage', 'cookie', 'doughnut', 'teacup without handle'] },
  { en: ['diet', 'on a diet', 'dieting', 'losing weight', 'weight loss'], ko: ['다이어트', '식단', '식단 관리'], implies: ['green salad', 'leafy green', 'broccoli', 'person running'] },
  { en: ['food delivery', 'ordering in', 'takeout', 'take out food'], ko: ['배달음식', '배달 음식', '배달시켜'], implies: ['takeout box', 'motor scooter', 'pizza', 'hamburger'] },
  { en: ['barbecue', 'bbq', 'cookout'], ko: ['바베큐', '바비큐', '고기 파티', '캠핑 바베큐'], implies: ['meat on bone', 'cut of meat', 'poultry leg', 'bacon', 'fire'] },
  { en: ['night out', 'drinks with friends', 'happy hour', 'going out for drinks', 'pub night'], ko: ['술자리', '회식', '술약속', '한잔하자'], implies: ['clinking beer mugs', 'beer mug', 'clinking glasses', 'cocktail glass', 'wine glass'] },
  // --- Social life.
  { en: ['date night', 'first date', 'a date'], ko: ['데이트', '소개팅'], implies: ['heart', 'rose', 'wine glass', 'kiss', 'couple'] },
  { en: ['sleepover', 'slumber party', 'pajama party', 'pyjama party'], ko: ['파자마 파티', '파자마파티'], implies: ['teddy bear', 'popcorn', 'bed', 'night with stars'] },
  { en: ['house party', 'home party', 'party at home', 'dinner party'], ko: ['홈파티', '홈 파티'], implies: ['party popper', 'balloon', 'pizza', 'clinking glasses', 'confetti ball'] },
  { en: ['babysitting', 'babysit', 'childcare', 'parenting', 'put the kids to bed', 'kids are asleep', 'kids finally asleep', 'bedtime story', 'mom life', 'dad life'], ko: ['육아', '베이비시터', '애 보기', '애 재우', '아기 재우', '독박육아', '등원'], implies: ['baby', 'baby bottle', 'teddy bear', 'child'] },
  { en: ['family gathering', 'family reunion', 'family dinner', 'visiting my parents'], ko: ['가족모임', '명절', '본가', '친정', '시댁'], implies: ['family', 'house', 'pot of food', 'older person'] },
  { en: ['new baby', 'newborn', 'baby was born', 'gave birth'], ko: ['출산', '아기가 태어났', '신생아'], implies: ['baby', 'baby bottle', 'baby chick', 'family'] },
  { en: ['package delivery', 'waiting for a package', 'package arrived', 'parcel'], ko: ['택배', '언박싱'], implies: ['package', 'delivery truck', 'closed mailbox with raised flag', 'wrapped gift'] },
  { en: ['pregnant', 'pregnancy', 'expecting a baby', 'baby on the way', 'baby bump', 'morning sickness', 'due date', 'first trimester', "we're expecting", 'we are expecting', 'bun in the oven', 'having a baby', 'expecting our first', 'going to be a mom', 'going to be a dad', 'gonna be a mom', 'gonna be a dad', 'pregnancy test'], ko: ['임신', '임산부', '임신했', '출산 예정', '예정일', '입덧', '태교', '태명', '아기가 생겼', '엄마가 된다', '아빠가 된다', '임테기', '두 줄'], implies: ['pregnant woman', 'baby bottle', 'baby', 'teddy bear', 'family'] },
  // --- Phones and getting around.
  { en: ['dead battery', 'low battery', 'battery died', 'battery is dead', 'out of battery', 'phone is dead', 'need a charger', 'forgot my charger', 'phone is dying', 'phone is on 1%', 'phone is on 2%', 'phone is on 3%', 'battery is low', 'almost out of battery'], ko: ['배터리 없', '배터리 방전', '방전', '충전기', '폰 꺼졌', '핸드폰 꺼졌', '배터리 1%', '배터리 2%', '배터리가 없', '폰이 꺼지'], implies: ['low battery', 'battery', 'electric plug', 'mobile phone'] },
  { en: ['got lost', 'lost my way', 'getting lost', "can't find my way", 'which way', 'directions', 'wrong turn', 'no idea where', "don't know where i am", 'no idea where i am', 'lost in the city'], ko: ['길을 잃', '길 잃었', '길치', '길 찾기', '어디인지 모르'], implies: ['world map', 'compass', 'round pushpin', 'anxious face with sweat'] },
  // --- Health appointments.
  { en: ['hospital', 'doctor appointment', 'flu'], ko: ['병원', '독감', '진료'], implies: ['health worker', 'pill', 'syringe', 'thermometer'] },
  { en: ['dentist', 'toothache', 'root canal', 'wisdom tooth', 'wisdom teeth', 'orthodontist', 'cavity', 'tooth pain'], ko: ['치과', '교정', '치통', '사랑니', '스케일링', '충치', '임플란트'], implies: ['tooth', 'toothbrush', 'face with head-bandage'] },
  // --- Money.
  { en: ['payday', 'pay day', 'got paid', 'salary day'], ko: ['월급날', '월급', '급여일', '월급 들어왔'], implies: ['money bag', 'dollar banknote', 'money-mouth face', 'money with wings', 'party popper'] },
  { en: ['saving money', 'saving up', 'budgeting', 'tight budget'], ko: ['저축', '절약', '적금', '짠테크', '가계부'], implies: ['coin', 'money bag', 'chart increasing', 'ledger'] },
  { en: ['out of money', "i'm broke", 'so broke', 'flat broke', 'no money', "can't afford", 'cant afford', 'maxed out my card', 'living paycheck to paycheck', 'rent went up', 'rent is going up', 'raised the rent', 'bumped the rent', 'bumped the rent up', "paycheck hasn't moved", 'no raise', 'bills are piling up'], ko: ['텅장', '빈털터리', '월세가 올랐', '월세 올랐', '월급이 안 올라', '카드값'], implies: ['money with wings', 'chart decreasing', 'coin', 'downcast face with sweat'] },
  // --- Seasons and times of day.
  { en: ['springtime', 'spring is here', 'spring weather', 'cherry blossom season'], ko: ['봄날', '봄나들이', '봄바람', '꽃구경'], implies: ['cherry blossom', 'tulip', 'blossom', 'butterfly', 'seedling'] },
  { en: ['summertime', 'summer is here', 'summer vibes', 'summer weather'], ko: ['여름', '한여름', '여름날', '초여름'], implies: ['sun', 'watermelon', 'beach with umbrella', 'shaved ice', 'tropical drink'] },
  { en: ['wintertime', 'winter', 'winter is here', 'winter weather', 'winter vibes', 'middle of winter'], ko: ['겨울', '한겨울', '겨울철', '겨울날'], implies: ['snowman', 'snowflake', 'scarf', 'gloves', 'coat'] },
  { en: ['autumn leaves', 'fall foliage', 'fall colors', 'autumn colors', 'autumn colours'], ko: ['단풍', '단풍놀이', '낙엽', '가을 단풍'], implies: ['maple leaf', 'fallen leaf', 'leaf fluttering in wind', 'deciduous tree'] },
  { en: ['monday morning', 'monday blues', 'mondays', 'case of the mondays'], ko: ['월요병', '월요일 아침'], implies: ['weary face', 'alarm clock', 'hot beverage', 'office building', 'tired face'] },
  { en: ['friday night', 'tgif', 'weekend vibes', 'happy friday'], ko: ['불금', '금요일 밤'], implies: ['party popper', 'clinking beer mugs', 'cocktail glass', 'mirror ball'] },
  { en: ['long weekend', 'public holiday', 'bank holiday'], ko: ['연휴', '황금연휴', '공휴일', '빨간 날'], implies: ['calendar', 'party popper', 'beach with umbrella', 'airplane', 'relieved face'] },
  { en: ['midnight', 'late at night', 'middle of the night', 'past midnight'], ko: ['자정', '한밤중', '새벽', '새벽 감성'], implies: ['night with stars', 'crescent moon', 'owl', 'milky way'] },
];
