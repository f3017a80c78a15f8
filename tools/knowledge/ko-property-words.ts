// A hand-written seed list like ko-state-words.ts, for the Korean words that name a property a
// refinement asks for ("노란 것만", "작은 애들만", "차가운 거", "초록색인 것만"): colours, sizes,
// temperatures, tastes and textures, each with the English WordNet lemma it means. The catalog's
// emoji keywords link few of them (노란 had linked to "cab" through the yellow taxi; 파란 to nothing),
// so refinements in Korean could not read item properties (dev2 refine ko 0.14). General: words, not
// sentences. Predicates are given in dictionary form; tools/knowledge/korean.ts derives the forms.
export const KO_PROPERTY_PREDICATES: Readonly<Record<string, string>> = {
  노랗다: 'yellow', 빨갛다: 'red', 파랗다: 'blue', 하얗다: 'white', 까맣다: 'black', 검다: 'black', 푸르다: 'blue',
  작다: 'small', 조그맣다: 'small', 거대하다: 'huge', 길다: 'long', 짧다: 'short', 둥글다: 'round', 무겁다: 'heavy',
  가볍다: 'light', 높다: 'tall', 뜨겁다: 'hot', 차갑다: 'cold', 시원하다: 'cold', 따듯하다: 'warm', 달콤하다: 'sweet', 새콤하다: 'sour', 시큼하다: 'sour',
  귀엽다: 'cute', 예쁘다: 'pretty', 빠르다: 'fast', 느리다: 'slow', 부드럽다: 'soft', 딱딱하다: 'hard',
  밝다: 'bright', 어둡다: 'dark', 늙다: 'old', 젊다: 'young', 어리다: 'young',
};

/** Colour nouns ("초록색", "녹색") and their copula forms are read by the stemmer ("초록색인" -> 초록색). */
export const KO_PROPERTY_NOUNS: Readonly<Record<string, string>> = {
  노란색: 'yellow', 노랑: 'yellow', 빨간색: 'red', 빨강: 'red', 파란색: 'blue', 파랑: 'blue', 초록색: 'green',
  초록: 'green', 녹색: 'green', 하얀색: 'white', 흰색: 'white', 검은색: 'black', 검정색: 'black', 검정: 'black',
  분홍색: 'pink', 분홍: 'pink', 핑크: 'pink', 보라색: 'purple', 보라: 'purple', 주황색: 'orange', 주황: 'orange',
  갈색: 'brown', 회색: 'grey', 금색: 'gold', 은색: 'silver', 하늘색: 'blue',
};
