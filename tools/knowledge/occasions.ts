// A hand-written seed list, general in the way ko-state-words.ts is: the common occasions of the year
// and of a life, each with its names in English and Korean and the things that go with it. What an
// occasion brings is culture, not lexicon, and neither source says it: WordNet's gloss of Easter is "a
// Christian celebration of the Resurrection", not eggs; CLDR labels the fireworks "celebration", never
// "new year"; "새해" and "추석" label no emoji at all. Nothing here is tied to one sentence or to a
// catalog: the implied words are plain English words (WordNet lemmas or CLDR keywords), so any catalog
// that uses them is reached, and the Korean names reach them through this concept.
// Names are written as people type them, spelling variants included (밸런타인데이 / 발렌타인데이); a name's
// possessive "'s" is dropped by the matcher ("new year's eve" is read as "new year eve"). A name that is
// also an everyday word is left out ("돌" is a first birthday and a stone, "동지" the solstice and a
// comrade, "pride" a parade and a feeling).
export interface OccasionSeed {
  readonly en: readonly string[];
  readonly ko: readonly string[];
  /** English words for what goes with it, most typical first (weights decay with the position). */
  readonly implies: readonly string[];
}

export const OCCASIONS: readonly OccasionSeed[] = [
  { en: ['new year', 'new year eve', 'new year day', 'new years', 'new years eve'], ko: ['새해', '신년', '새해 첫날', '연말', '송년회', '신정'], implies: ['fireworks', 'celebration', 'confetti', 'party', 'calendar', 'party popper', 'bottle with popping cork', 'clinking glasses'] },
  { en: ['lunar new year', 'chinese new year', 'seollal'], ko: ['설날', '구정', '음력설', '설 연휴', '설 명절', '세배', '세뱃돈'], implies: ['red envelope', 'lantern', 'firecracker', 'dragon', 'family', 'red paper lantern', 'dumpling', 'tangerine'] },
  { en: ['valentine', 'valentine day', 'valentines day', 'valentines'], ko: ['밸런타인데이', '발렌타인데이', '밸런타인', '발렌타인'], implies: ['love letter', 'heart', 'love', 'chocolate', 'rose', 'kiss', 'heart with arrow', 'heart with ribbon'] },
  { en: ['white day'], ko: ['화이트데이'], implies: ['candy', 'lollipop', 'heart', 'gift', 'chocolate bar', 'cookie', 'heart with ribbon', 'bouquet'] },
  { en: ['easter', 'easter egg', 'easter egg hunt'], ko: ['부활절', '부활절 달걀'], implies: ['egg', 'rabbit', 'chick', 'basket', 'spring', 'hatching chick', 'tulip', 'latin cross'] },
  { en: ['halloween', 'trick or treat'], ko: ['핼러윈', '할로윈', '할로윈 파티'], implies: ['jack-o-lantern', 'ghost', 'witch', 'bat', 'candy', 'zombie', 'vampire', 'spider web'] },
  { en: ['thanksgiving'], ko: ['추수감사절'], implies: ['turkey', 'pie', 'corn', 'harvest', 'family', 'poultry leg', 'fallen leaf', 'potato'] },
  { en: ['chuseok', 'harvest moon festival', 'mid-autumn festival'], ko: ['추석', '한가위', '중추절'], implies: ['moon viewing ceremony', 'full moon', 'rice', 'harvest', 'family', 'moon cake', 'chestnut', 'sheaf of rice'] },
  { en: ['christmas', 'xmas', 'christmas eve', 'happy holidays', 'holiday season', 'season greetings', 'seasons greetings'], ko: ['크리스마스', '성탄절', '크리스마스 이브', '메리 크리스마스'], implies: ['christmas tree', 'santa', 'gift', 'snowman', 'bell', 'star', 'snowflake', 'deer'] },
  { en: ['birthday', 'bday', 'birthday party'], ko: ['생일', '생일 파티', '생신', '환갑', '칠순', '팔순', '고희연'], implies: ['birthday cake', 'balloon', 'party', 'gift', 'cake', 'candle', 'partying face', 'cupcake'] },
  { en: ['first birthday'], ko: ['돌잔치', '첫돌'], implies: ['baby', 'birthday cake', 'balloon', 'party', 'gift', 'party popper', 'family', 'teddy bear'] },
  { en: ['wedding', 'wedding day', 'marriage ceremony'], ko: ['결혼식', '웨딩', '혼례'], implies: ['wedding', 'ring', 'bride', 'heart', 'bouquet', 'church'] },
  { en: ['anniversary', 'wedding anniversary', 'years married', 'married for'], ko: ['기념일', '결혼기념일', '천일', '1000일', '결혼한 지'], implies: ['heart', 'love', 'gift', 'ring', 'bouquet', 'champagne', 'couple with heart', 'clinking glasses'] },
  { en: ['graduation', 'commencement', 'graduating', 'finally graduated', 'walk across the stage', 'cap and gown', 'got my diploma', 'graduation ceremony'], ko: ['졸업', '졸업식', '학사모', '졸업장', '졸업 사진'], implies: ['graduation cap', 'student', 'celebration', 'diploma', 'bouquet', 'scroll', 'party popper', 'school'] },
  { en: ['mother day', 'mothers day', 'father day', 'fathers day', 'parents day'], ko: ['어버이날', '어머니날', '아버지날'], implies: ['bouquet', 'flower', 'heart', 'gift', 'family', 'love letter', 'people hugging', 'heart with ribbon'] },
  { en: ['children day', 'childrens day'], ko: ['어린이날'], implies: ['balloon', 'toy', 'teddy bear', 'kite', 'child', 'carp streamer', 'gift', 'ferris wheel'] },
  { en: ['saint patrick day', 'st patrick day', 'st patricks day', 'st paddy day', 'paddy day'], ko: ['성 패트릭의 날'], implies: ['shamrock', 'four leaf clover', 'beer', 'green', 'Ireland', 'green heart', 'clinking beer mugs', 'rainbow'] },
  { en: ['diwali', 'deepavali', 'festival of lights'], ko: ['디왈리'], implies: ['diya lamp', 'fireworks', 'sparkler', 'candle', 'India', 'celebration', 'firecracker', 'hindu temple'] },
  { en: ['hanukkah', 'chanukah'], ko: ['하누카'], implies: ['menorah', 'candle', 'star of david', 'synagogue', 'doughnut', 'gift', 'coin', 'person with skullcap'] },
  { en: ['ramadan', 'eid', 'eid mubarak', 'eid al-fitr', 'eid al-adha'], ko: ['라마단', '이드'], implies: ['crescent moon', 'star and crescent', 'mosque', 'kaaba', 'prayer beads', 'woman with headscarf', 'night with stars'] },
  { en: ['housewarming', 'housewarming party'], ko: ['집들이'], implies: ['house', 'gift', 'party', 'home', 'key', 'potted plant', 'roll of paper', 'clinking glasses'] },
  { en: ['baby shower'], ko: ['베이비 샤워'], implies: ['baby', 'baby bottle', 'gift', 'balloon', 'pregnant woman', 'teddy bear', 'party popper', 'cupcake'] },
  { en: ['retirement', 'retirement party', 'retiring', 'retired', 'retires', 'last day at work before retiring'], ko: ['은퇴', '정년퇴직', '퇴임', '은퇴식', '정년'], implies: ['party', 'celebration', 'gift', 'beach', 'bouquet', 'clinking glasses', 'waving hand', 'person golfing'] },
  // A national day is one country's, with its own flag: "flag" alone had matched every flag there is.
  { en: ['independence day', 'fourth of july', 'july fourth', '4th of july'], ko: ['독립기념일'], implies: ['flag: United States', 'fireworks', 'celebration', 'Statue of Liberty', 'sparkler', 'hot dog', 'hamburger', 'party popper'] },
  { en: ['liberation day', 'national foundation day'], ko: ['광복절', '개천절', '삼일절'], implies: ['flag: South Korea', 'fireworks', 'celebration', 'hibiscus', 'raising hands', 'dove', 'broken chain'] },
  { en: ['teachers day', 'teacher day'], ko: ['스승의 날', '스승의날'], implies: ['teacher', 'school', 'bouquet', 'apple', 'love letter', 'gift', 'books', 'pencil'] },
  { en: ['buddha birthday', 'vesak'], ko: ['부처님 오신 날', '석가탄신일', '부처님오신날'], implies: ['lantern', 'lotus', 'temple', 'red paper lantern', 'wheel of dharma', 'prayer beads', 'folded hands', 'person in lotus position'] },
  { en: ['memorial day', 'remembrance day'], ko: ['현충일'], implies: ['flag', 'wilted flower', 'military medal', 'saluting face', 'headstone', 'reminder ribbon', 'military helmet', 'folded hands'] },
  { en: ['earth day'], ko: ['지구의 날'], implies: ['globe', 'seedling', 'recycling', 'deciduous tree', 'green heart', 'evergreen tree', 'litter in bin sign', 'herb'] },
  { en: ['april fools', 'april fool day'], ko: ['만우절'], implies: ['clown', 'joker', 'face with tongue', 'upside-down face', 'winking face with tongue', 'lying face', 'zany face', 'disguised face'] },
  { en: ['pride month', 'pride parade'], ko: ['퀴어 퍼레이드', '퀴어축제'], implies: ['rainbow flag', 'rainbow', 'heart', 'transgender flag', 'women holding hands', 'men holding hands', 'sparkles'] },
  { en: ['carnival', 'mardi gras'], ko: ['카니발', '사육제'], implies: ['mask', 'performing arts', 'confetti', 'party', 'woman dancing', 'maracas', 'drum', 'feather'] },
  { en: ['labor day', 'labour day', 'may day'], ko: ['근로자의 날', '노동절'], implies: ['construction worker', 'factory worker', 'office worker', 'raised fist', 'placard', 'hammer and wrench', 'mechanic', 'farmer'] },
  { en: ['winter solstice'], ko: ['동짓날', '동지 팥죽'], implies: ['snowflake', 'snowman', 'crescent moon', 'bowl with spoon', 'beans', 'night with stars', 'candle'] },
  { en: ['full moon festival', 'daeboreum'], ko: ['정월대보름', '대보름'], implies: ['full moon', 'peanuts', 'chestnut', 'cooked rice', 'kite', 'fire', 'folded hands'] },
  { en: ['summer vacation', 'summer holiday', 'summer break'], ko: ['여름휴가', '여름방학'], implies: ['beach', 'sun', 'palm tree', 'swimming', 'travel', 'watermelon', 'sunglasses', 'shaved ice'] },
  { en: ['winter vacation', 'winter break', 'winter holiday'], ko: ['겨울방학', '겨울휴가'], implies: ['snowman', 'skier', 'snowflake', 'travel', 'snowboarder', 'ice skate', 'sled', 'hot beverage'] },
  // Korean-calendar days and send-offs people plan around.
  { en: ['pepero day'], ko: ['빼빼로데이', '빼빼로 데이'], implies: ['chocolate bar', 'cookie', 'gift', 'heart', 'love letter', 'heart with ribbon', 'candy'] },
  { en: ['joining the army', 'military service', 'enlisting'], ko: ['입대', '군입대', '훈련소', '군대 가'], implies: ['military helmet', 'saluting face', 'military medal', 'waving hand', 'love letter', 'calendar', 'person getting haircut', 'crying face'] },
  { en: ['farewell party', 'going away party', 'leaving party'], ko: ['송별회', '환송회'], implies: ['waving hand', 'clinking beer mugs', 'party popper', 'gift', 'bouquet', 'people hugging', 'smiling face with tear', 'love letter'] },
  // Holidays of other calendars and countries, and the events of a life and a year people plan around.
  { en: ['passover', 'pesach', 'seder', 'passover seder'], ko: ['유월절'], implies: ['flatbread', 'wine glass', 'star of David', 'family', 'candle', 'egg', 'leafy green', 'ewe'] },
  { en: ['rosh hashanah', 'jewish new year'], ko: ['로시 하샤나', '유대교 새해'], implies: ['red apple', 'honey pot', 'star of David', 'bread', 'candle', 'family', 'fish', 'wine glass'] },
  { en: ['holi', 'festival of colours', 'festival of colors'], ko: ['홀리 축제'], implies: ['rainbow', 'artist palette', 'water pistol', 'balloon', 'flag: India', 'splatter', 'woman dancing', 'party popper'] },
  { en: ['songkran', 'thai new year'], ko: ['송크란', '쏭크란'], implies: ['water pistol', 'droplet', 'water wave', 'flag: Thailand', 'elephant', 'sweat droplets', 'party popper', 'hibiscus'] },
  { en: ['cinco de mayo'], ko: ['싱코 데 마요'], implies: ['flag: Mexico', 'taco', 'burrito', 'piñata', 'maracas', 'hot pepper', 'party popper', 'cactus'] },
  { en: ['day of the dead', 'dia de los muertos', 'dia de muertos'], ko: ['망자의 날'], implies: ['skull', 'candle', 'flag: Mexico', 'bouquet', 'hibiscus', 'rosette', 'woman dancing', 'folded hands'] },
  { en: ['oktoberfest', 'octoberfest'], ko: ['옥토버페스트', '맥주 축제'], implies: ['beer mug', 'clinking beer mugs', 'pretzel', 'flag: Germany', 'hot dog', 'accordion', 'meat on bone', 'party popper'] },
  { en: ['bonfire night', 'guy fawkes night', 'guy fawkes day'], ko: [], implies: ['fireworks', 'fire', 'sparkler', 'firecracker', 'flag: United Kingdom', 'night with stars', 'roasted sweet potato', 'hot beverage'] },
  { en: ['canada day'], ko: ['캐나다 데이'], implies: ['flag: Canada', 'maple leaf', 'fireworks', 'party popper', 'moose', 'sparkler', 'ice hockey', 'celebration'] },
  { en: ['bastille day'], ko: ['프랑스 혁명기념일'], implies: ['flag: France', 'fireworks', 'croissant', 'baguette bread', 'wine glass', 'party popper', 'sparkler', 'celebration'] },
  { en: ['australia day'], ko: ['호주의 날'], implies: ['flag: Australia', 'kangaroo', 'beach with umbrella', 'fireworks', 'koala', 'party popper', 'sun', 'sparkler'] },
  { en: ['kwanzaa'], ko: ['콴자'], implies: ['candle', 'family', 'gift', 'ear of corn', 'red heart', 'green heart', 'drum', 'black heart'] },
  { en: ['dragon boat festival', 'duanwu'], ko: ['단오', '단옷날'], implies: ['dragon', 'canoe', 'rice ball', 'person rowing boat', 'water wave', 'drum', 'leafy green', 'sun'] },
  { en: ['lantern festival'], ko: ['연등회', '등불 축제', '등축제'], implies: ['red paper lantern', 'full moon', 'fireworks', 'candle', 'diya lamp', 'sparkles', 'night with stars', 'lotus'] },
  { en: ['boknal', 'dog days of summer'], ko: ['복날', '초복', '중복', '말복'], implies: ['poultry leg', 'chicken', 'pot of food', 'steaming bowl', 'hot face', 'sun', 'sweat droplets', 'bowl with spoon'] },
  { en: ['hangul day', 'korean alphabet day'], ko: ['한글날'], implies: ['flag: South Korea', 'books', 'memo', 'pencil', 'scroll', 'writing hand', 'open book', 'fountain pen'] },
  { en: ['hundredth day', '100th day celebration', 'baek-il'], ko: ['백일', '백일잔치', '백일상'], implies: ['baby', 'rice cracker', 'birthday cake', 'gift', 'balloon', 'family', 'baby bottle', 'teddy bear'] },
  { en: ['honeymoon', 'just married', 'newlyweds'], ko: ['신혼여행', '허니문'], implies: ['couple with heart', 'tropical drink', 'beach with umbrella', 'airplane', 'bottle with popping cork', 'kiss', 'luggage', 'sunset'] },
  { en: ['engagement', 'engagement party', 'marriage proposal', 'proposed to me', 'boyfriend proposed', 'girlfriend proposed', 'he proposed', 'she proposed', 'she said yes', 'got engaged', 'we got engaged', 'just got engaged'], ko: ['약혼', '약혼식', '프러포즈', '프로포즈', '청혼', '프러포즈 받았', '청혼 받았'], implies: ['ring', 'gem stone', 'couple with heart', 'heart', 'bouquet', 'rose', 'bottle with popping cork', 'kiss'] },
  { en: ['bachelor party', 'bachelorette party', 'hen party', 'stag party', 'hen do', 'stag do'], ko: ['총각파티', '처녀파티', '브라이덜 샤워'], implies: ['party popper', 'clinking glasses', 'cocktail glass', 'woman dancing', 'crown', 'mirror ball', 'tropical drink', 'partying face'] },
  { en: ['gender reveal', 'gender reveal party'], ko: ['젠더리빌', '성별 공개 파티'], implies: ['balloon', 'baby', 'pink heart', 'blue heart', 'party popper', 'confetti ball', 'pregnant woman', 'red question mark'] },
  { en: ['baptism', 'christening'], ko: ['세례', '유아세례', '세례식'], implies: ['baby', 'church', 'latin cross', 'droplet', 'dove', 'candle', 'white heart', 'baby angel'] },
  { en: ['funeral', 'memorial service'], ko: ['장례식', '장례', '추도식', '발인'], implies: ['wilted flower', 'headstone', 'coffin', 'folded hands', 'white flower', 'candle', 'crying face', 'dove'] },
  { en: ['prom', 'prom night', 'school dance'], ko: ['프롬'], implies: ['dress', 'man in tuxedo', 'mirror ball', 'crown', 'woman dancing', 'bouquet', 'sparkles', 'man dancing'] },
  { en: ['got promoted', 'promotion', 'got the job', 'got hired', 'job offer'], ko: ['승진', '취업 성공', '최종 합격'], implies: ['party popper', 'clinking glasses', 'raising hands', 'briefcase', 'office building', 'thumbs up', 'trophy', 'partying face'] },
  { en: ['office party', 'company dinner', 'work party', 'team dinner', 'year-end party', 'team outing'], ko: ['망년회', '종무식'], implies: ['clinking beer mugs', 'beer mug', 'clinking glasses', 'party popper', 'office worker', 'microphone', 'pot of food', 'sake'] },
  { en: ['world cup', 'world cup final'], ko: ['월드컵', '월드컵 결승'], implies: ['soccer ball', 'trophy', 'stadium', 'goal net', 'party popper', 'sports medal', 'raising hands', 'television'] },
  { en: ['super bowl', 'superbowl', 'super bowl sunday'], ko: ['슈퍼볼'], implies: ['american football', 'stadium', 'trophy', 'hot dog', 'pizza', 'beer mug', 'television', 'popcorn'] },
  { en: ['olympics', 'olympic games', 'winter olympics', 'summer olympics'], ko: ['올림픽', '동계올림픽', '하계올림픽'], implies: ['1st place medal', 'sports medal', 'trophy', 'stadium', 'person running', 'person swimming', 'fire', 'television'] },
  { en: ['black friday', 'cyber monday', 'boxing day sales'], ko: ['블랙프라이데이', '블프', '사이버먼데이'], implies: ['shopping bags', 'shopping cart', 'credit card', 'money with wings', 'label', 'gift', 'receipt', 'dollar banknote'] },
  { en: ['nowruz', 'persian new year'], ko: ['노루즈', '페르시아 새해'], implies: ['tulip', 'seedling', 'fish', 'candle', 'mirror', 'egg', 'cherry blossom', 'sparkles'] },
  { en: ['tanabata', 'star festival', 'qixi'], ko: ['칠석', '칠월칠석'], implies: ['tanabata tree', 'milky way', 'star', 'shooting star', 'night with stars', 'couple with heart', 'sparkles', 'bamboo'] },
  { en: ['hinamatsuri', 'doll festival'], ko: ['히나마쓰리'], implies: ['Japanese dolls', 'cherry blossom', 'dango', 'flag: Japan', 'girl', 'sake', 'ribbon', 'rice cracker'] },
];
