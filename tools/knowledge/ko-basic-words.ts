// A hand-written seed list like ko-state-words.ts and ko-property-words.ts: the basic Korean vocabulary
// of everyday life, as a learner's dictionary gives it, each word with the one English WordNet 3.1 lemma
// it most commonly means (바다 -> sea, 입다 -> wear). Korean had reached English concepts only through
// the emoji keyword translations (CLDR annotations) and the small seed lists, so everyday words were
// unknown (하늘; 겨울 beyond "snowman"; 입다, 타다, 기도하다) and a Korean message ("하늘 나는 애들만",
// "겨울에 입는 거만") could not be read where its English equivalent is, through WordNet; from these
// lemmas WordNet's relations (hypernyms, glosses) do the rest.
// Written from general knowledge of Korean basic vocabulary, walked area by area (nature and weather,
// animals, body, food and drink, clothing, home and objects, places, transport, work and school, sports
// and hobbies, music, time and seasons, people, feelings, health, money, technology, events; then
// actions and descriptions). General: words, not sentences; nothing taken from the catalog or from any
// labelled set. Predicates are given in dictionary form; tools/knowledge/korean.ts derives the forms.
//
// How ambiguity was handled (the matcher strips particles and endings and reads a compound by its
// longest known prefix of two syllables or more, src/core/knowledge/match.ts):
// - One-syllable nouns are left out where they are common homographs or grammar in running text: 말
//   (horse, speech), 배 (boat, pear, belly), 눈 (eye, snow), 밤 (night, chestnut), 감 (persimmon,
//   feeling), 차 (car, tea), 병 (bottle, illness), 김 (laver, steam), 발 (foot, a counter), 개 (dog,
//   the counter "한 개"), 새 (bird, "new"), 해 (sun, year, 하다's 해), 달 (moon, month, 달다), 별 (star,
//   "별로", "별 거"), 게 (crab, an ending), 양 (sheep, amount), 벌 (bee, punishment), 약 (medicine,
//   "about"), 등 (back, "etc."), 위 (stomach, "above"), 간 (liver, 가다's 간), 돌 (stone, first birthday,
//   돌다), 풀 (grass, glue, 풀다), 절 (temple, and 저를: "절 좋아해"), 성 (castle, sex, a surname), 신
//   (god, shoe, 신다), 왕 (king, the slang intensifier), 표, 초, 시, 분, 년, 원, 금, 회, 굴, 죽, 줄, 못; and
//   those that are the stem of a predicate here or in the other seed lists, which the stemmer reads off
//   an ending ("팔아" -> 팔): 입 (mouth; 입다), 팔 (arm; 팔다), 불 (fire; 불다), 피 (blood; 피다), 길
//   (road; 길다), 낮 (daytime; 낮다). Kept, because the everyday meaning clearly dominates and the word is
//   no particle, ending, counter, determiner or predicate stem: the 30 of KO_BASIC_ONE_SYLLABLE below
//   (폰, the phone as chat writes it: "폰 액정 깨졌어", "폰 꺼졌어").
//   산 is also the adnominal of 사다 and 살다 ("어제 산 옷", "서울에 산다"): kept, as the mountain is
//   what the word names on its own and a lone one-syllable word is not read (match.ts MIN_WORD_CHARS).
// - Nouns that are also very common predicate stems, function words or counters are left out (나는,
//   하나, 때, 것, 거, 수, 중, 일, 날, 가지 (kinds; eggplant, branch), 사이), and so are the Korean stop
//   words (사진, 그림, 사랑, 생각, 시작, 준비: src/core/lang/ko/stopwords.ts) and the Korean names the
//   situation and occasion seeds already give, with what goes with them (병원, 공항, 생일, 여름, 캠핑,
//   감기, 태풍, 해변, 시험, 월급, ...: situations.ts, occasions.ts).
// - Where a word has two common meanings the commoner is kept: 다리 leg (not bridge: 교량), 사과 apple
//   (사과하다 apologizes), 시장 market (not mayor), 의사 doctor (not intention), 지구 earth (not district),
//   바람 wind (not wish), 용기 courage (not container), 기타 guitar (not "etc.", written language), 신부
//   bride (not priest), 향수 perfume (not nostalgia), 밴드 band (not the plaster), 동상 statue (not
//   frostbite), 전기 electricity (not biography), 타다 ride (not burn), 굽다 bake (not bend), 뛰다 run
//   (not jump), 묻다 ask (not bury). Left out where neither dominates: 연기 (smoke, acting), 가사 (lyrics,
//   housework), 사원 (temple, employee), 사전 (dictionary, beforehand), 이사 (moving house, director),
//   잠자리 (dragonfly, bed), 파리 (fly, Paris), 기사 (driver, article, knight), 장기 (organ, janggi, long
//   term), 거리 (street, distance), 분수 (fountain, fraction), 경주 (race, the city), 대기 (air, waiting),
//   가정 (home, assumption), 사고 (accident, and 사다's "사고 싶어"); and the predicates 쓰다 (write, use,
//   bitter, wear a hat), 차다 (kick, cold, full), 치다 (hit, play), 지다 (lose, carry, set), 들다, 내리다,
//   싸다, 깨다, 부르다, 마르다, 이르다, 적다.
// - A word that begins a common unrelated word is left out, as the matcher would read the longer word by
//   it: 아이 (아이폰, 아이템), 마음 ("마음에 들어" likes the feed), 하마 (하마터면), 오리 (오리지널), 스타
//   (스타일). Where the longer word is itself everyday it is listed, so the whole word wins (주사위 dice
//   beside 주사 injection, 다리미 beside 다리, 장난감 beside 장난).
// - Predicates are left out where a form korean.ts derives is another word (구르다: 구름 cloud; 기르다:
//   기름 oil; 바라다: 바람 wind; 배우다: 배우 actor; 잠수하다: 잠수함 submarine; 얼다: 얼음 ice; 다리다:
//   다리; 기다: 기어 gear), where the word talks about the feed or is a stop word (보다: also "than" and
//   "해 보다"; 주다: "해 주다"; 알다: "알았어" is "OK"; 좋다, 좋아하다, 싫어하다, 원하다, 찾다, 만들다,
//   바꾸다, 멈추다, 새롭다, 똑같다, 다르다, 비슷하다, 필요하다), where its one-syllable forms are grammar
//   (가다: 가; 오다: 와 "and"; 안다: 안 "not"), and where its noun is a situation or occasion name, which
//   reads it better (청소하다, 등산하다, 쇼핑하다, 낚시하다, 이사하다, 기침하다, 헤어지다).
// - English: the common lemma for the meaning (airplane, not aeroplane), lower case, spaces between
//   words; a predicate maps to a verb or an adjective lemma. tests/unit/knowledge/ko-basic-words.test.ts
//   checks every lemma against WordNet 3.1 and every key against the other seed lists.

/** The one-syllable nouns kept in KO_BASIC_NOUNS (see above); any other noun has two syllables or more. */
export const KO_BASIC_ONE_SYLLABLE: readonly string[] = [
  '꽃', '비', '물', '집', '책', '옷', '빵', '밥', '술', '돈', '꿈', '숲', '강', '산', '섬',
  '손', '코', '귀', '몸', '곰', '닭', '뱀', '쥐', '꿀', '춤', '방', '칼', '봄', '딸', '폰',
];

export const KO_BASIC_NOUNS: Readonly<Record<string, string>> = {
  // --- Nature and weather.
  하늘: 'sky', 구름: 'cloud', 비: 'rain', 바람: 'wind', 날씨: 'weather', 햇빛: 'sunlight', 햇살: 'sunshine', 태양: 'sun',
  달빛: 'moonlight', 보름달: 'full moon', 초승달: 'crescent', 별빛: 'starlight', 무지개: 'rainbow', 천둥: 'thunder',
  번개: 'lightning', 안개: 'fog', 서리: 'frost', 이슬: 'dew', 얼음: 'ice', 눈사람: 'snowman', 눈송이: 'snowflake', 눈덩이: 'snowball',
  홍수: 'flood', 지진: 'earthquake', 화산: 'volcano', 자연: 'nature', 공기: 'air', 온도: 'temperature', 그늘: 'shade',
  그림자: 'shadow', 우주: 'universe', 행성: 'planet', 지구: 'earth', 화성: 'mars', 금성: 'venus', 목성: 'jupiter', 토성: 'saturn',
  은하수: 'milky way', 혜성: 'comet', 별똥별: 'shooting star', 바다: 'sea', 파도: 'wave', 모래: 'sand', 모래사장: 'beach', 바위: 'rock',
  돌멩이: 'stone', 진흙: 'mud', 산: 'mountain', 언덕: 'hill', 계곡: 'valley', 동굴: 'cave', 절벽: 'cliff', 폭포: 'waterfall',
  강: 'river', 시냇물: 'brook', 호수: 'lake', 연못: 'pond', 섬: 'island', 숲: 'forest', 정글: 'jungle', 사막: 'desert',
  들판: 'field', 초원: 'meadow', 빙하: 'glacier', 북극: 'arctic', 남극: 'antarctic', 나무: 'tree', 꽃: 'flower', 꽃잎: 'petal',
  나뭇잎: 'leaf', 나뭇가지: 'branch', 줄기: 'stem', 뿌리: 'root', 씨앗: 'seed', 열매: 'fruit', 잔디: 'lawn', 장미: 'rose',
  해바라기: 'sunflower', 튤립: 'tulip', 벚꽃: 'blossom', 국화: 'chrysanthemum', 백합: 'lily', 연꽃: 'lotus', 민들레: 'dandelion',
  데이지: 'daisy', 라벤더: 'lavender', 선인장: 'cactus', 소나무: 'pine', 대나무: 'bamboo', 단풍나무: 'maple', 야자수: 'palm',
  꽃다발: 'bouquet', 식물: 'plant', 불꽃: 'flame', 모닥불: 'campfire', 화재: 'fire', 먼지: 'dust', 물: 'water', 일출: 'sunrise',
  노을: 'sunset', 빗방울: 'raindrop',
  // --- Animals.
  동물: 'animal', 강아지: 'dog', 고양이: 'cat', 토끼: 'rabbit', 햄스터: 'hamster', 다람쥐: 'squirrel', 쥐: 'mouse', 돼지: 'pig',
  젖소: 'cow', 황소: 'bull', 닭: 'chicken', 병아리: 'chick', 거위: 'goose', 칠면조: 'turkey', 염소: 'goat', 사슴: 'deer',
  곰: 'bear', 판다: 'panda', 여우: 'fox', 늑대: 'wolf', 사자: 'lion', 호랑이: 'tiger', 표범: 'leopard', 치타: 'cheetah',
  코끼리: 'elephant', 기린: 'giraffe', 얼룩말: 'zebra', 코뿔소: 'rhinoceros', 원숭이: 'monkey', 고릴라: 'gorilla',
  캥거루: 'kangaroo', 코알라: 'koala', 낙타: 'camel', 당나귀: 'donkey', 박쥐: 'bat', 고슴도치: 'hedgehog', 너구리: 'raccoon',
  수달: 'otter', 비버: 'beaver', 참새: 'sparrow', 비둘기: 'pigeon', 까마귀: 'crow', 독수리: 'eagle', 부엉이: 'owl', 올빼미: 'owl',
  앵무새: 'parrot', 펭귄: 'penguin', 백조: 'swan', 홍학: 'flamingo', 공작새: 'peacock', 갈매기: 'seagull', 타조: 'ostrich',
  벌새: 'hummingbird', 물고기: 'fish', 금붕어: 'goldfish', 고래: 'whale', 돌고래: 'dolphin', 상어: 'shark', 문어: 'octopus',
  오징어: 'squid', 해파리: 'jellyfish', 불가사리: 'starfish', 거북이: 'turtle', 악어: 'crocodile', 개구리: 'frog', 뱀: 'snake',
  도마뱀: 'lizard', 공룡: 'dinosaur', 곤충: 'insect', 벌레: 'bug', 나비: 'butterfly', 꿀벌: 'bee', 개미: 'ant', 모기: 'mosquito',
  거미: 'spider', 거미줄: 'spider web', 무당벌레: 'ladybug', 메뚜기: 'grasshopper', 귀뚜라미: 'cricket', 매미: 'cicada',
  반딧불이: 'firefly', 달팽이: 'snail', 애벌레: 'caterpillar', 전갈: 'scorpion', 바퀴벌레: 'cockroach', 물개: 'seal', 새우: 'shrimp',
  꽃게: 'crab', 랍스터: 'lobster', 조개: 'clam', 애완동물: 'pet', 반려동물: 'pet', 유니콘: 'unicorn', 꼬리: 'tail', 날개: 'wing',
  깃털: 'feather', 둥지: 'nest', 야생동물: 'wildlife', 동물원: 'zoo',
  // --- Body.
  몸: 'body', 머리: 'head', 머리카락: 'hair', 얼굴: 'face', 이마: 'forehead', 눈썹: 'eyebrow', 속눈썹: 'eyelash', 눈동자: 'eye',
  코: 'nose', 귀: 'ear', 입술: 'lip', 이빨: 'tooth', 치아: 'tooth', 어깨: 'shoulder', 가슴: 'chest', 허리: 'waist',
  엉덩이: 'buttocks', 무릎: 'knee', 다리: 'leg', 손: 'hand', 손가락: 'finger', 발가락: 'toe', 손톱: 'fingernail', 주먹: 'fist',
  근육: 'muscle', 피부: 'skin', 수염: 'beard', 심장: 'heart', 혈액: 'blood', 눈물: 'tear', 방귀: 'fart', 오줌: 'urine',
  몸무게: 'weight', 목소리: 'voice', 표정: 'expression',
  // --- Food and drink.
  음식: 'food', 밥: 'rice', 빵: 'bread', 고기: 'meat', 생선: 'fish', 과일: 'fruit', 채소: 'vegetable', 야채: 'vegetable',
  사과: 'apple', 바나나: 'banana', 딸기: 'strawberry', 포도: 'grape', 수박: 'watermelon', 참외: 'melon', 멜론: 'melon',
  복숭아: 'peach', 오렌지: 'orange', 레몬: 'lemon', 키위: 'kiwi', 체리: 'cherry', 망고: 'mango', 파인애플: 'pineapple',
  블루베리: 'blueberry', 코코넛: 'coconut', 아보카도: 'avocado', 토마토: 'tomato', 감자: 'potato', 고구마: 'sweet potato', 당근: 'carrot',
  양파: 'onion', 마늘: 'garlic', 오이: 'cucumber', 배추: 'chinese cabbage', 양배추: 'cabbage', 버섯: 'mushroom', 옥수수: 'corn',
  고추: 'chili', 호박: 'pumpkin', 브로콜리: 'broccoli', 시금치: 'spinach', 상추: 'lettuce', 국수: 'noodle', 만두: 'dumpling',
  초밥: 'sushi', 도시락: 'lunch', 간식: 'snack', 아침식사: 'breakfast', 저녁식사: 'dinner', 식사: 'meal', 요리: 'cooking',
  디저트: 'dessert', 우유: 'milk', 커피: 'coffee', 녹차: 'green tea', 홍차: 'tea', 주스: 'juice', 콜라: 'cola',
  사이다: 'soda', 맥주: 'beer', 소주: 'liquor', 와인: 'wine', 포도주: 'wine', 술: 'alcohol', 칵테일: 'cocktail', 음료: 'beverage',
  음료수: 'beverage', 케이크: 'cake', 과자: 'cookie', 쿠키: 'cookie', 사탕: 'candy', 초콜릿: 'chocolate', 아이스크림: 'ice cream',
  젤리: 'jelly', 피자: 'pizza', 햄버거: 'hamburger', 샌드위치: 'sandwich', 핫도그: 'hot dog', 감자튀김: 'french fries', 치킨: 'chicken',
  소고기: 'beef', 돼지고기: 'pork', 닭고기: 'chicken', 소시지: 'sausage', 베이컨: 'bacon', 계란: 'egg', 달걀: 'egg', 치즈: 'cheese',
  버터: 'butter', 요구르트: 'yogurt', 요거트: 'yogurt', 꿀: 'honey', 소금: 'salt', 설탕: 'sugar', 후추: 'pepper', 간장: 'soy sauce',
  기름: 'oil', 소스: 'sauce', 케첩: 'ketchup', 마요네즈: 'mayonnaise', 수프: 'soup', 찌개: 'stew', 카레: 'curry', 스테이크: 'steak',
  샐러드: 'salad', 파스타: 'pasta', 스파게티: 'spaghetti', 팝콘: 'popcorn', 도넛: 'doughnut', 와플: 'waffle', 팬케이크: 'pancake',
  머핀: 'muffin', 토스트: 'toast', 시리얼: 'cereal', 땅콩: 'peanut', 호두: 'walnut', 아몬드: 'almond', 밀가루: 'flour', 두부: 'tofu',
  해산물: 'seafood', 연어: 'salmon', 참치: 'tuna', 냄새: 'smell', 향기: 'fragrance', 레시피: 'recipe', 푸딩: 'pudding', 타코: 'taco',
  // --- Clothing and accessories.
  옷: 'clothing', 바지: 'trousers', 치마: 'skirt', 셔츠: 'shirt', 티셔츠: 't-shirt', 청바지: 'jeans', 원피스: 'dress', 드레스: 'dress',
  코트: 'coat', 외투: 'coat', 재킷: 'jacket', 자켓: 'jacket', 패딩: 'parka', 스웨터: 'sweater', 니트: 'sweater', 조끼: 'vest',
  양말: 'sock', 신발: 'shoe', 운동화: 'sneaker', 구두: 'shoe', 부츠: 'boot', 장화: 'boot', 슬리퍼: 'slipper', 샌들: 'sandal',
  모자: 'hat', 장갑: 'glove', 목도리: 'scarf', 스카프: 'scarf', 넥타이: 'necktie', 안경: 'glasses', 선글라스: 'sunglasses', 가방: 'bag',
  배낭: 'backpack', 지갑: 'wallet', 우산: 'umbrella', 반지: 'ring', 목걸이: 'necklace', 귀걸이: 'earring', 팔찌: 'bracelet',
  벨트: 'belt', 잠옷: 'pajama', 수영복: 'swimsuit', 속옷: 'underwear', 교복: 'uniform', 유니폼: 'uniform', 정장: 'suit', 양복: 'suit',
  기모노: 'kimono', 단추: 'button', 주머니: 'pocket', 비옷: 'raincoat', 마스크: 'mask', 앞치마: 'apron', 왕관: 'crown', 가발: 'wig',
  화장품: 'cosmetic', 립스틱: 'lipstick', 향수: 'perfume', 보석: 'jewel', 리본: 'ribbon', 후드티: 'sweatshirt', 반바지: 'shorts',
  비키니: 'bikini', 하이힐: 'spike heel',
  // --- Home and everyday objects.
  집: 'house', 방: 'room', 침대: 'bed', 이불: 'blanket', 담요: 'blanket', 베개: 'pillow', 소파: 'sofa', 의자: 'chair', 책상: 'desk',
  식탁: 'table', 테이블: 'table', 창문: 'window', 거울: 'mirror', 시계: 'clock', 손목시계: 'watch', 전등: 'lamp', 램프: 'lamp',
  양초: 'candle', 촛불: 'candle', 냉장고: 'refrigerator', 세탁기: 'washing machine', 청소기: 'vacuum cleaner', 텔레비전: 'television',
  티비: 'television', 책: 'book', 공책: 'notebook', 연필: 'pencil', 볼펜: 'pen', 지우개: 'eraser', 가위: 'scissors', 종이: 'paper',
  편지: 'letter', 봉투: 'envelope', 상자: 'box', 박스: 'box', 선물: 'gift', 열쇠: 'key', 자물쇠: 'lock', 칫솔: 'toothbrush',
  치약: 'toothpaste', 비누: 'soap', 수건: 'towel', 휴지: 'tissue', 쓰레기: 'garbage', 쓰레기통: 'trash can', 그릇: 'bowl',
  접시: 'plate', 머그컵: 'mug', 숟가락: 'spoon', 젓가락: 'chopstick', 포크: 'fork', 칼: 'knife', 냄비: 'saucepan',
  프라이팬: 'frying pan', 주전자: 'kettle', 바구니: 'basket', 화분: 'flowerpot', 커튼: 'curtain', 카펫: 'carpet', 계단: 'stairs',
  엘리베이터: 'elevator', 지붕: 'roof', 바닥: 'floor', 천장: 'ceiling', 마당: 'yard', 정원: 'garden', 부엌: 'kitchen', 주방: 'kitchen',
  화장실: 'bathroom', 욕실: 'bathroom', 욕조: 'bathtub', 샤워: 'shower', 거실: 'living room', 침실: 'bedroom', 현관: 'entrance',
  베란다: 'veranda', 창고: 'storeroom', 차고: 'garage', 인형: 'doll', 곰인형: 'teddy bear', 장난감: 'toy', 풍선: 'balloon',
  가구: 'furniture', 사다리: 'ladder', 망치: 'hammer', 도구: 'tool', 밧줄: 'rope', 배터리: 'battery', 전구: 'light bulb',
  선풍기: 'electric fan', 부채: 'fan', 에어컨: 'air conditioner', 히터: 'heater', 난로: 'stove', 다리미: 'iron', 빗자루: 'broom',
  깃발: 'flag', 국기: 'flag', 지도: 'map', 달력: 'calendar', 일기: 'diary', 신문: 'newspaper', 잡지: 'magazine', 플라스틱: 'plastic',
  유리: 'glass', 퍼즐: 'puzzle', 주사위: 'dice', 돋보기: 'magnifier', 현미경: 'microscope', 망원경: 'telescope', 나침반: 'compass', 저울: 'scale',
  드라이기: 'hair dryer', 면도기: 'razor', 손전등: 'flashlight', 액자: 'frame', 옷장: 'wardrobe', 책장: 'bookcase', 쿠션: 'cushion',
  텐트: 'tent', 물감: 'paint', 테이프: 'tape', 자석: 'magnet', 도끼: 'ax', 빨대: 'straw', 물병: 'water bottle', 오븐: 'oven',
  전자레인지: 'microwave',
  // --- Places and buildings.
  학교: 'school', 교회: 'church', 성당: 'church', 사찰: 'temple', 모스크: 'mosque', 기차역: 'railway station',
  지하철역: 'subway station', 은행: 'bank', 우체국: 'post office', 경찰서: 'police station', 소방서: 'firehouse', 도서관: 'library',
  식당: 'restaurant', 레스토랑: 'restaurant', 카페: 'cafe', 커피숍: 'coffee shop', 빵집: 'bakery', 가게: 'shop', 시장: 'market',
  마트: 'supermarket', 슈퍼마켓: 'supermarket', 편의점: 'convenience store', 호텔: 'hotel', 공원: 'park', 놀이터: 'playground',
  수족관: 'aquarium', 시골: 'countryside', 도시: 'city', 마을: 'village', 동네: 'neighborhood', 나라: 'country', 세계: 'world',
  세상: 'world', 회사: 'company', 사무실: 'office', 공장: 'factory', 농장: 'farm', 대학교: 'university', 대학: 'university',
  유치원: 'kindergarten', 교실: 'classroom', 체육관: 'gymnasium', 경기장: 'stadium', 운동장: 'playground', 주차장: 'parking lot',
  주유소: 'gas station', 터널: 'tunnel', 타워: 'tower', 궁전: 'palace', 감옥: 'prison', 항구: 'harbor', 건물: 'building',
  아파트: 'apartment', 도로: 'road', 고속도로: 'highway', 약국: 'pharmacy', 서점: 'bookstore', 꽃집: 'florist', 술집: 'bar',
  등대: 'lighthouse', 피라미드: 'pyramid', 동상: 'statue', 오두막: 'hut', 고향: 'hometown',
  // --- Transport and travel.
  탈것: 'vehicle', 교통수단: 'transport', 차량: 'vehicle', 자동차: 'car', 버스: 'bus', 택시: 'taxi', 기차: 'train', 지하철: 'subway', 비행기: 'airplane', 헬리콥터: 'helicopter', 보트: 'boat',
  요트: 'yacht', 자전거: 'bicycle', 오토바이: 'motorcycle', 트럭: 'truck', 구급차: 'ambulance', 소방차: 'fire engine',
  경찰차: 'police car', 로켓: 'rocket', 우주선: 'spacecraft', 킥보드: 'scooter', 스쿠터: 'scooter', 유모차: 'stroller',
  버스정류장: 'bus stop', 신호등: 'traffic light', 여권: 'passport', 항공권: 'plane ticket', 티켓: 'ticket', 여행: 'trip',
  여행가방: 'suitcase', 관광객: 'tourist', 기념품: 'souvenir', 돛단배: 'sailboat', 카누: 'canoe', 잠수함: 'submarine', 트랙터: 'tractor',
  케이블카: 'cable car', 열기구: 'hot-air balloon', 썰매: 'sled', 바퀴: 'wheel',
  // --- Work and school.
  직업: 'job', 사장: 'boss', 학생: 'student', 선생님: 'teacher', 교수: 'professor', 수업: 'class', 공부: 'study', 성적: 'grade',
  방학: 'vacation', 교과서: 'textbook', 칠판: 'blackboard', 과학: 'science', 수학: 'mathematics', 역사: 'history', 영어: 'english',
  한국어: 'korean', 국어: 'korean', 의사: 'doctor', 간호사: 'nurse', 경찰: 'police', 소방관: 'fireman', 군인: 'soldier', 요리사: 'cook',
  농부: 'farmer', 가수: 'singer', 배우: 'actor', 화가: 'painter', 작가: 'writer', 기자: 'reporter', 변호사: 'lawyer',
  과학자: 'scientist', 우주비행사: 'astronaut', 조종사: 'pilot', 엔지니어: 'engineer', 프로그래머: 'programmer', 디자이너: 'designer',
  사업가: 'businessman', 직원: 'employee', 손님: 'guest', 고객: 'customer', 미용사: 'hairdresser', 건축가: 'architect',
  사진작가: 'photographer', 음악가: 'musician', 예술가: 'artist', 탐정: 'detective', 수의사: 'veterinarian', 치과의사: 'dentist',
  대통령: 'president', 실험: 'experiment',
  // --- Sports and hobbies.
  운동: 'exercise', 축구: 'soccer', 야구: 'baseball', 농구: 'basketball', 배구: 'volleyball', 테니스: 'tennis',
  탁구: 'table tennis', 골프: 'golf', 수영: 'swimming', 스키: 'skiing', 스케이트: 'skating', 스케이트보드: 'skateboard', 볼링: 'bowling',
  당구: 'billiards', 권투: 'boxing', 올림픽: 'olympics', 선수: 'athlete', 코치: 'coach', 메달: 'medal', 트로피: 'trophy',
  우승: 'championship', 승리: 'victory', 취미: 'hobby', 영화: 'movie', 드라마: 'drama', 만화: 'cartoon', 애니메이션: 'animation',
  소설: 'novel', 동화: 'fairy tale', 춤: 'dance', 체스: 'chess', 바둑: 'go', 카드: 'card', 파티: 'party', 축제: 'festival',
  놀이: 'play', 불꽃놀이: 'firework', 서핑: 'surfing', 레슬링: 'wrestling', 펜싱: 'fencing', 양궁: 'archery', 승마: 'riding',
  태권도: 'taekwondo', 체조: 'gymnastics', 줄넘기: 'jump rope', 배드민턴: 'badminton', 하키: 'hockey', 럭비: 'rugby', 마술: 'magic',
  마술사: 'magician', 서커스: 'circus', 광대: 'clown', 연극: 'play', 산책: 'walk',
  // --- Music and instruments.
  음악: 'music', 노래: 'song', 악기: 'instrument', 피아노: 'piano', 기타: 'guitar', 바이올린: 'violin', 첼로: 'cello', 드럼: 'drum',
  트럼펫: 'trumpet', 플루트: 'flute', 피리: 'fife', 하모니카: 'harmonica', 색소폰: 'saxophone', 하프: 'harp', 실로폰: 'xylophone',
  탬버린: 'tambourine', 우쿨렐레: 'ukulele', 마이크: 'microphone', 리듬: 'rhythm', 멜로디: 'melody', 밴드: 'band', 합창단: 'choir',
  오케스트라: 'orchestra', 음표: 'musical note', 헤드폰: 'headphone', 이어폰: 'earphone', 스피커: 'loudspeaker', 라디오: 'radio',
  앨범: 'album', 뮤지컬: 'musical', 오페라: 'opera', 재즈: 'jazz', 힙합: 'hip-hop', 클래식: 'classical music', 휘파람: 'whistle',
  // --- Time and seasons.
  봄: 'spring', 가을: 'autumn', 겨울: 'winter', 계절: 'season', 아침: 'morning', 저녁: 'evening', 오후: 'afternoon',
  월요일: 'monday', 화요일: 'tuesday', 수요일: 'wednesday', 목요일: 'thursday', 금요일: 'friday', 토요일: 'saturday', 일요일: 'sunday',
  휴일: 'holiday', 미래: 'future',
  // --- Family and people.
  가족: 'family', 엄마: 'mom', 어머니: 'mother', 아빠: 'dad', 아버지: 'father', 부모: 'parent', 부모님: 'parent', 오빠: 'brother',
  누나: 'sister', 언니: 'sister', 동생: 'sibling', 남동생: 'brother', 여동생: 'sister', 할머니: 'grandmother', 할아버지: 'grandfather',
  아들: 'son', 딸: 'daughter', 남편: 'husband', 아내: 'wife', 아기: 'baby', 애기: 'baby', 어린이: 'child',
  친구: 'friend', 남자친구: 'boyfriend', 여자친구: 'girlfriend', 남친: 'boyfriend', 여친: 'girlfriend', 연인: 'lover', 사람: 'person',
  남자: 'man', 여자: 'woman', 소년: 'boy', 소녀: 'girl', 어른: 'adult', 청소년: 'teenager', 이웃: 'neighbor', 삼촌: 'uncle',
  이모: 'aunt', 고모: 'aunt', 신랑: 'bridegroom', 신부: 'bride', 쌍둥이: 'twin', 스님: 'monk', 수녀: 'nun', 천사: 'angel',
  악마: 'devil', 유령: 'ghost', 귀신: 'ghost', 괴물: 'monster', 요정: 'fairy', 마녀: 'witch', 마법사: 'wizard', 해적: 'pirate',
  닌자: 'ninja', 로봇: 'robot', 외계인: 'alien', 영웅: 'hero', 도둑: 'thief', 산타: 'santa claus', 산타클로스: 'santa claus',
  국왕: 'king', 여왕: 'queen', 왕자: 'prince', 공주: 'princess', 하나님: 'god', 부처: 'buddha', 예수: 'jesus',
  아이돌: 'idol', 결혼: 'marriage',
  // --- Feelings and the mind, as nouns.
  행복: 'happiness', 분노: 'anger', 짜증: 'annoyance', 걱정: 'worry', 두려움: 'fear', 외로움: 'loneliness', 감정: 'emotion',
  기분: 'mood', 희망: 'hope', 꿈: 'dream', 용기: 'courage', 자신감: 'confidence', 질투: 'jealousy', 후회: 'regret',
  미소: 'smile', 한숨: 'sigh', 평화: 'peace', 자유: 'freedom', 우정: 'friendship', 추억: 'memory', 기억: 'memory', 실수: 'mistake',
  성공: 'success', 실패: 'failure', 재미: 'fun', 장난: 'prank', 비밀: 'secret', 거짓말: 'lie', 약속: 'promise', 소원: 'wish',
  칭찬: 'praise', 응원: 'cheer', 축하: 'congratulation', 인사: 'greeting', 키스: 'kiss', 뽀뽀: 'kiss', 포옹: 'hug',
  고백: 'confession', 그리움: 'longing', 행운: 'luck', 위험: 'danger', 안전: 'safety', 열정: 'passion', 친절: 'kindness',
  아이디어: 'idea', 상상력: 'imagination', 기도: 'prayer', 종교: 'religion',
  // --- Health.
  건강: 'health', 질병: 'disease', 알약: 'pill', 주사: 'injection', 수술: 'surgery', 상처: 'wound', 치료: 'treatment',
  붕대: 'bandage', 반창고: 'bandage', 체온계: 'thermometer', 휠체어: 'wheelchair', 백신: 'vaccine', 바이러스: 'virus',
  임신: 'pregnancy', 환자: 'patient', 구급상자: 'first-aid kit', 통증: 'pain', 비타민: 'vitamin', 응급실: 'emergency room',
  마사지: 'massage',
  // --- Money and shopping.
  돈: 'money', 현금: 'cash', 동전: 'coin', 지폐: 'banknote', 신용카드: 'credit card', 용돈: 'allowance', 가격: 'price',
  부자: 'rich person', 영수증: 'receipt', 할인: 'discount', 세일: 'sale', 달러: 'dollar', 황금: 'gold', 다이아몬드: 'diamond',
  복권: 'lottery', 저금통: 'piggy bank', 보물: 'treasure', 금메달: 'gold medal',
  // --- Technology and media.
  컴퓨터: 'computer', 노트북: 'laptop', 휴대폰: 'cellphone', 핸드폰: 'cellphone', 폰: 'cellphone', 스마트폰: 'cellphone', 전화: 'telephone',
  인터넷: 'internet', 이메일: 'email', 메시지: 'message', 키보드: 'keyboard', 마우스: 'mouse', 모니터: 'monitor', 화면: 'screen',
  프린터: 'printer', 충전기: 'charger', 인공지능: 'artificial intelligence', 카메라: 'camera', 동영상: 'video', 비디오: 'video',
  영상: 'video', 전기: 'electricity', 기계: 'machine', 드론: 'drone', 위성: 'satellite', 비밀번호: 'password', 태블릿: 'tablet',
  웹사이트: 'website', 블로그: 'blog', 뉴스: 'news', 광고: 'advertisement', 리모컨: 'remote control', 발명: 'invention',
  기술: 'technology',
  // --- Events and society.
  장례식: 'funeral', 선거: 'election', 전쟁: 'war', 행사: 'event', 대회: 'competition', 퍼레이드: 'parade',
  모임: 'gathering', 잔치: 'feast', 생일파티: 'birthday party',
};

export const KO_BASIC_PREDICATES: Readonly<Record<string, string>> = {
  // --- Wearing, moving, travelling.
  입다: 'wear', 벗다: 'undress', 신다: 'wear', 갈아입다: 'change', 타다: 'ride', 불다: 'blow', 운전하다: 'drive', 도착하다: 'arrive',
  출발하다: 'leave', 떠나다: 'leave', 돌아오다: 'return', 돌아가다: 'return', 들어가다: 'enter', 나가다: 'exit', 올라가다: 'climb',
  오르다: 'climb', 내려가다: 'descend', 떨어지다: 'fall', 넘어지다: 'fall', 미끄러지다: 'slip', 건너다: 'cross', 날아가다: 'fly', 헤엄치다: 'swim',
  다이빙하다: 'dive', 뛰다: 'run', 점프하다: 'jump', 산책하다: 'stroll', 방문하다: 'visit', 쫓다: 'chase', 숨다: 'hide', 숨기다: 'hide',
  앉다: 'sit', 눕다: 'lie down', 일어나다: 'get up', 흔들다: 'shake',
  // --- Daily life at home.
  기도하다: 'pray', 일하다: 'work', 정리하다: 'tidy', 닦다: 'wipe', 버리다: 'discard', 고치다: 'fix', 만지다: 'touch', 열다: 'open',
  닫다: 'close', 켜다: 'turn on', 끄다: 'turn off', 샤워하다: 'shower', 잠들다: 'fall asleep', 꿈꾸다: 'dream', 하품하다: 'yawn',
  숨쉬다: 'breathe', 재채기하다: 'sneeze', 토하다: 'vomit', 다치다: 'injure', 키우다: 'raise', 심다: 'plant', 자라다: 'grow', 피다: 'bloom',
  시들다: 'wither', 죽다: 'die', 살다: 'live', 태어나다: 'be born',
  // --- Food.
  굽다: 'bake', 끓이다: 'boil', 볶다: 'fry', 튀기다: 'fry', 섞다: 'mix', 썰다: 'slice', 맛보다: 'taste', 씹다: 'chew', 삼키다: 'swallow',
  주문하다: 'order', 배달하다: 'deliver', 얼리다: 'freeze', 녹다: 'melt', 끓다: 'boil',
  // --- Hands and things.
  던지다: 'throw', 잡다: 'catch', 밀다: 'push', 당기다: 'pull', 찍다: 'photograph', 칠하다: 'paint', 색칠하다: 'color', 접다: 'fold',
  자르다: 'cut', 붙이다: 'attach', 묶다: 'tie', 포장하다: 'wrap', 깨물다: 'bite', 때리다: 'hit', 파다: 'dig',
  // --- People and talk.
  말하다: 'speak', 이야기하다: 'talk', 얘기하다: 'talk', 듣다: 'listen', 묻다: 'ask', 대답하다: 'answer', 외치다: 'shout', 소리치다: 'shout',
  속삭이다: 'whisper', 전화하다: 'call', 미소짓다: 'smile', 칭찬하다: 'praise', 사과하다: 'apologize', 인사하다: 'greet', 초대하다: 'invite',
  약속하다: 'promise', 만나다: 'meet', 돕다: 'help', 도와주다: 'help', 싸우다: 'fight', 포옹하다: 'hug', 안아주다: 'hug', 뽀뽀하다: 'kiss',
  키스하다: 'kiss', 고백하다: 'confess', 응원하다: 'cheer', 박수치다: 'applaud', 위로하다: 'comfort', 거짓말하다: 'lie', 놀리다: 'tease',
  기다리다: 'wait', 믿다: 'believe', 미워하다: 'hate', 그리워하다: 'miss',
  // --- Mind, learning and work.
  가르치다: 'teach', 이해하다: 'understand', 기억하다: 'remember', 잊다: 'forget', 잊어버리다: 'forget', 선택하다: 'choose', 고르다: 'choose',
  끝내다: 'finish', 연습하다: 'practice', 노력하다: 'try', 실패하다: 'fail', 성공하다: 'succeed', 이기다: 'win', 우승하다: 'win', 잃다: 'lose',
  잃어버리다: 'lose', 발명하다: 'invent', 쓰다듬다: 'stroke',
  // --- Arts, music, play.
  연주하다: 'play', 녹음하다: 'record', 작곡하다: 'compose', 사냥하다: 'hunt', 스키타다: 'ski', 그네타다: 'swing',
  // --- Money.
  사다: 'buy', 팔다: 'sell', 빌리다: 'borrow', 지불하다: 'pay', 저금하다: 'save', 벌다: 'earn', 선물하다: 'gift', 나누다: 'share',
  공유하다: 'share', 받다: 'receive', 보내다: 'send',
  // --- Nature and light.
  흐르다: 'flow', 빛나다: 'shine', 반짝이다: 'sparkle', 젖다: 'wet', 냄새나다: 'smell',
  // --- Descriptions: looks, size and shape, feel, character, value.
  크다: 'big', 나쁘다: 'bad', 오래되다: 'old', 낡다: 'worn', 깨끗하다: 'clean', 더럽다: 'dirty', 쉽다: 'easy', 어렵다: 'difficult',
  힘들다: 'hard', 재미있다: 'interesting', 재밌다: 'interesting', 재미없다: 'boring', 지루하다: 'boring', 웃기다: 'funny', 즐겁다: 'joyful',
  아름답다: 'beautiful', 잘생기다: 'handsome', 못생기다: 'ugly', 착하다: 'kind', 친절하다: 'kind', 똑똑하다: 'smart', 용감하다: 'brave',
  강하다: 'strong', 약하다: 'weak', 건강하다: 'healthy', 조용하다: 'quiet', 시끄럽다: 'noisy', 넓다: 'wide', 좁다: 'narrow', 깊다: 'deep',
  얕다: 'shallow', 두껍다: 'thick', 얇다: 'thin', 굵다: 'thick', 가늘다: 'thin', 뚱뚱하다: 'fat', 날씬하다: 'slim', 가깝다: 'near',
  멀다: 'far', 비싸다: 'expensive', 저렴하다: 'cheap', 싱겁다: 'bland', 느끼하다: 'greasy', 신선하다: 'fresh', 맑다: 'clear',
  흐리다: 'cloudy', 화창하다: 'sunny', 촉촉하다: 'moist', 건조하다: 'dry', 축축하다: 'damp', 복잡하다: 'complicated', 간단하다: 'simple',
  특별하다: 'special', 신기하다: 'amazing', 놀랍다: 'surprising', 위험하다: 'dangerous', 안전하다: 'safe', 편하다: 'comfortable',
  편안하다: 'comfortable', 불편하다: 'uncomfortable', 유명하다: 'famous', 가난하다: 'poor', 가득하다: 'full', 소중하다: 'precious',
  사랑스럽다: 'lovely', 화려하다: 'fancy', 다정하다: 'affectionate', 게으르다: 'lazy', 부지런하다: 'diligent', 솔직하다: 'honest',
  창피하다: 'ashamed', 속상하다: 'upset', 답답하다: 'frustrated', 귀찮다: 'annoying', 튼튼하다: 'sturdy', 날카롭다: 'sharp',
  뾰족하다: 'pointed', 동그랗다: 'round', 투명하다: 'transparent', 쫄깃하다: 'chewy', 바삭하다: 'crisp', 끈적하다: 'sticky', 매끄럽다: 'smooth',
  거칠다: 'rough', 징그럽다: 'creepy', 섹시하다: 'sexy', 우아하다: 'elegant', 고급스럽다: 'luxurious', 깔끔하다: 'neat', 지저분하다: 'messy',
  늦다: 'late', 낮다: 'low', 평화롭다: 'peaceful', 조심하다: 'careful', 친하다: 'close',
};
