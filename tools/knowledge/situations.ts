// A hand-written seed list like occasions.ts, for the everyday situations people describe instead of
// naming a topic ("I have a job interview tomorrow", "헬스장 가는 중"): each with its names in English
// and Korean and what goes with it, as plain English words a catalog may use. WordNet's hops from
// these words lead to definitions, not to things ("interview -> question", "job -> money"; dev errors of
// tests/golden/understanding), and most Korean names here label no emoji. General: no sentence, no
// catalog; the occasion seed's build code reads this list the same way (tools/knowledge/build.ts).
import type { OccasionSeed } from './occasions.ts';

export const SITUATIONS: readonly OccasionSeed[] = [
  { en: ['job interview', 'interview'], ko: ['면접', '취업 면접'], implies: ['necktie', 'briefcase', 'office worker', 'office building'] },
  { en: ['new job', 'first day at work', 'first day of work'], ko: ['첫 출근', '입사', '새 직장', '취직'], implies: ['office building', 'briefcase', 'office worker', 'necktie'] },
  { en: ['gym', 'workout', 'working out', 'weightlifting'], ko: ['헬스장', '헬스', '운동하러', '웨이트'], implies: ['flexed biceps', 'lifting weights', 'running shoe', 'sport'] },
  { en: ['concert', 'gig', 'live show'], ko: ['콘서트', '공연', '라이브'], implies: ['microphone', 'guitar', 'singer', 'musical notes'] },
  { en: ['karaoke'], ko: ['노래방'], implies: ['microphone', 'singer', 'musical notes'] },
  { en: ['barbecue', 'bbq', 'cookout'], ko: ['바베큐', '바비큐', '고기 파티', '캠핑 바베큐'], implies: ['meat on bone', 'cut of meat', 'poultry leg', 'bacon', 'fire'] },
  { en: ['picnic'], ko: ['소풍', '피크닉'], implies: ['sandwich', 'basket', 'sun', 'blanket'] },
  { en: ['movie night', 'cinema', 'going to the movies'], ko: ['영화관', '영화 보러', '극장'], implies: ['popcorn', 'movie camera', 'cinema', 'film frames'] },
  { en: ['road trip', 'long drive'], ko: ['드라이브', '자동차 여행'], implies: ['automobile', 'fuel pump', 'world map', 'motorway'] },
  { en: ['date night', 'first date', 'a date'], ko: ['데이트', '소개팅'], implies: ['heart', 'rose', 'wine glass', 'kiss', 'couple'] },
  { en: ['moving house', 'moving out', 'moving in', 'new apartment', 'new house'], ko: ['이사', '이삿날', '새 집'], implies: ['package', 'house', 'delivery truck', 'key'] },
  { en: ['shopping', 'shopping mall'], ko: ['쇼핑', '장보기', '백화점'], implies: ['shopping bags', 'shopping cart', 'credit card', 'handbag'] },
  { en: ['hospital', 'doctor appointment', 'flu'], ko: ['병원', '독감', '진료'], implies: ['hospital', 'health worker', 'pill', 'syringe', 'thermometer'] },
  { en: ['airport', 'flight'], ko: ['공항', '비행기 타'], implies: ['airplane', 'airplane departure', 'luggage', 'passport control'] },
  { en: ['hiking', 'hike'], ko: ['등산', '하이킹'], implies: ['hiking boot', 'mountain', 'backpack', 'camping'] },
  { en: ['gaming', 'video games'], ko: ['게임', '게임하'], implies: ['video game', 'joystick', 'alien monster'] },
  { en: ['new baby', 'newborn', 'baby was born', 'gave birth'], ko: ['출산', '아기가 태어났', '신생아'], implies: ['baby', 'baby bottle', 'baby chick', 'family'] },
  { en: ['rainy day'], ko: ['비 오는 날', '장마'], implies: ['umbrella', 'cloud with rain', 'closed umbrella'] },
  { en: ['snow day'], ko: ['눈 오는 날', '폭설'], implies: ['snowman', 'snowflake', 'cloud with snow'] },
  { en: ['beach day', 'beach'], ko: ['해변', '바닷가', '해수욕'], implies: ['beach with umbrella', 'water wave', 'sun', 'swimming'] },
  { en: ['vacation', 'time off', 'day off', 'getaway'], ko: ['휴가', '연차', '여행 가고 싶'], implies: ['beach with umbrella', 'palm tree', 'desert island', 'airplane', 'luggage'] },
  { en: ['gardening'], ko: ['텃밭', '정원 가꾸기', '식물 키우기'], implies: ['seedling', 'potted plant', 'sunflower', 'shovel'] },
  { en: ['dentist'], ko: ['치과'], implies: ['tooth', 'toothbrush', 'face with head-bandage'] },
  { en: ['haircut', 'hair salon'], ko: ['미용실', '머리 자르'], implies: ['haircut', 'scissors', 'barber pole'] },
  { en: ['laundry'], ko: ['빨래'], implies: ['basket', 'soap', 't-shirt', 'bubbles'] },
  { en: ['cleaning the house', 'house cleaning'], ko: ['대청소', '청소'], implies: ['broom', 'sponge', 'soap', 'bucket'] },
];
