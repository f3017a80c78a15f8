// Real words most catalogs do not have, for the builder's "no match" queries (no-match-floor.ts): a
// fixed list, so a build needs no dictionary package (a site owner's install has no devDependencies;
// tools/calibrate-clip-floor.ts samples WordNet and CLDR instead, for the stickers). Everyday nouns from
// fields a shop, a blog or a sticker set rarely names: the sky, the body, the law, old history, tools,
// science, money. Whichever words a catalog does have (by the app's own lexical match) are dropped at
// build time, so the list may overlap any one catalog.

export const LACKING_ENGLISH: readonly string[] = [
  'nebula', 'comet', 'asteroid', 'galaxy', 'eclipse', 'orbit', 'meteor', 'quasar',
  'elbow', 'kidney', 'eyebrow', 'ankle', 'spleen', 'tendon', 'knuckle', 'eyelid',
  'glacier', 'drought', 'avalanche', 'tornado', 'lava', 'fossil', 'canyon', 'erosion',
  'plumber', 'surgeon', 'lawyer', 'sailor', 'janitor', 'astronaut', 'notary', 'auditor',
  'justice', 'jealousy', 'nostalgia', 'patience', 'gratitude', 'rumour', 'dilemma', 'irony',
  'parliament', 'treaty', 'verdict', 'census', 'tariff', 'ballot', 'embassy', 'lawsuit',
  'walrus', 'platypus', 'lemur', 'armadillo', 'tapir', 'narwhal', 'wombat', 'iguana',
  'wrench', 'chisel', 'crowbar', 'pliers', 'anvil', 'trowel', 'scaffold', 'funnel',
  'molecule', 'enzyme', 'isotope', 'electron', 'algorithm', 'theorem', 'vaccine', 'protein',
  'pharaoh', 'knight', 'empire', 'dynasty', 'monastery', 'crusade', 'pyramid', 'castle',
  'harbour', 'cathedral', 'prison', 'airport', 'warehouse', 'laboratory', 'cemetery', 'lighthouse',
  'saxophone', 'harpsichord', 'origami', 'calligraphy', 'chess', 'trampoline', 'jigsaw', 'mosaic',
  'mortgage', 'dividend', 'invoice', 'pension', 'inflation', 'auction', 'receipt', 'bankruptcy',
  'feet', 'grammar', 'insurance', 'volcano', 'submarine', 'tractor', 'microscope', 'telescope',
];

export const LACKING_KOREAN: readonly string[] = [
  '천문대', '은하', '혜성', '팔꿈치', '눈썹', '발목', '빙하', '가뭄', '화산', '배관공', '외과의사', '변호사',
  '정의', '질투', '인내', '감사', '의회', '조약', '판결', '관세', '투표', '대사관', '소송', '바다코끼리',
  '너구리', '렌치', '망치', '분자', '효소', '전자', '정리', '백신', '단백질', '왕조', '수도원', '피라미드',
  '성당', '감옥', '공항', '창고', '실험실', '묘지', '등대', '색소폰', '종이접기', '서예', '장기', '퍼즐',
  '모자이크', '대출', '배당금', '연금', '물가', '경매', '영수증', '파산', '항구', '기사', '잠수함', '현미경',
];
