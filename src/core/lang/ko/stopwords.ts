// Korean words that never start or continue a key phrase: stems (after particles are stripped) and
// whole function words, filler, and the words for the feed itself ("사진", "스티커"). Preference cues
// are stop words here too; the preference finder reads them separately (./preferences.ts).

const KO = `
나 내 저 제 너 우리 저희 당신 이거 그거 저거 이것 그것 저것 이건 그건 저건 이게 그게 거 것 게 걸
뭐 뭔가 뭘 무엇 무슨 어떤 이런 그런 저런 이렇게 그렇게 다른 다른거 여기 거기 저기 어디 언제 왜 어떻게
좀 더 덜 많이 조금 너무 진짜 정말 완전 그냥 이제 다시 또 계속 아주 매우 엄청 되게 꽤 약간 살짝
같은 비슷한 관련 종류 위주 쪽 정도 중 때 번 가지 등 몇 여러
사진 스티커 이모지 이모티콘 그림 이미지 아이콘 피드 결과
오늘 내일 어제 요즘 지금 나중 다음 이번 주 주말 올해 아까 방금 그날 그때
안 못 네 예 응 어 아 아니 아니요 아뇨 혹시 그리고 그래서 근데 그런데 하지만 그럼 또는 그러면 아무튼 암튼 어쨌든 어쨌거나 하여튼 여튼 그나저나
좋아 좋아해 좋아하 좋 싫 싫어 싫어해 사랑 최고 최애 별로 궁금 필요 원하 원해 그만 그만해
말고 빼 빼고 제외 없이 대신 시작 처음 처음부터 초기화 리셋 다 전부 모두 모든 아무 아무거나
보 보여 보여주 보여줘 알려 알려주 찾 주 줘 줘요 주세요 해줘 하 할 했 싶 싶어 싶어요 보고
고마워 고맙 감사 감사합니다 안녕 안녕하세요 ㅋㅋ ㅎㅎ
곧 요새 최근 얼른 빨리 가끔 항상 자주 먼저 나중에 함께 같이 혼자 구경 준비 설명 추천 소개 생각 정리
이전 지시 무시 시스템 프롬프트 명령 규칙 관리자 사용자
건 건데 거야 거예요 거에요 건가요 대해 대해서 대한 관련된 관련해서 이상 않 않아 않아요 않은 않게
있 있어 있어요 있는 있나요 있을까 없어 없어요 없는 어때 어때요 어떄 뭘로 뭐로 잘 좋은 좋을 좋게
가 가요 가서 와 와요 봐 봐요 해 해요 해서 쓸 쓰는 할 볼 갈 먹을 만들 만들어 탈 들을 읽을 입을 찍을
좁혀 좁혀줘 줄 이름 한 돼 돼요 되 될 된 취소 농담 음 싶네 느낌 만들어진 방금 아냐 질렸어
좋다 좋아요 좋네 좋네요 좋습니다 좋았어 좋겠다 좋겠어 알려줘 알려줘요 알려주세요 알려줄래 보여줘요 보여주세요 싫다 싫어요 싫음
궁금해 궁금해요 궁금하다 궁금한데 궁금
하나 하나도 일주일 일주일째 하루 하루종일 이틀 사흘 며칠 며칠째 종일 말라 마라
취향 새로 새롭게 기록
하는 하고 하면 하기 하던 하게 되는 되고
위 아래 옆 앞 뒤 밖 속 사이
`;

/**
 * 죽다 after a state is how much, not death ("배고파 죽겠다", "숨 막혀 죽는 줄", "더워서 죽을 것 같아"):
 * its forms are intensifiers, like "so" and "literally" (they had read as dice, 주사위, and as congee, 죽).
 * Written words, so that 죽 the noun stays.
 */
const HYPERBOLE = /^죽(?:겠|는|을|을래|을뻔|을듯|는줄|을거|어)/u;

/**
 * Reactions to what is shown, as stems (particles and endings stripped: "최고야" -> 최고, "멋지다" ->
 * 멋지): a verdict on the feed, never a topic, and never read by the knowledge layer ("최고야" showed
 * thumbs and nail polish).
 */
const REACTIONS = `
최고 대박 짱 굿 멋지 멋있 멋져 훌륭 완벽 좋 좋아 좋네 감사 고마 고마워 고맙 별로 괜찮
`;

export const KOREAN_REACTIONS: ReadonlySet<string> = new Set(REACTIONS.split(/\s+/).filter((w) => w.length > 0));
/** The longest ending a reaction takes as one written word ("최고예요", "감사합니다", "멋져요"). */
const MAX_REACTION_TAIL = 3;

/**
 * A written word that only reacts: a reaction stem with a short ending. The stemmer reads some of these
 * as nouns ("고마워요" -> 고마워), so the stem is matched as a prefix; one-syllable stems (좋, 짱, 굿)
 * only whole, as a prefix they start real words (굿즈, goods).
 */
export function isKoreanReaction(word: string): boolean {
  for (const r of KOREAN_REACTIONS) {
    if (word === r) return true;
    if (r.length >= 2 && word.startsWith(r) && word.length - r.length <= MAX_REACTION_TAIL) return true;
  }
  return false;
}
export const KOREAN_STOPWORDS: ReadonlySet<string> = new Set([...KO.split(/\s+/), ...KOREAN_REACTIONS].filter((w) => w.length > 0));

/** Korean chat noises made only of jamo ("ㅋㅋㅋ", "ㅠㅠ") carry no topic. */
const JAMO_ONLY = /^[\u3130-\u318f\u1100-\u11ff]+$/;

export function isKoreanStopword(term: string): boolean {
  return KOREAN_STOPWORDS.has(term) || JAMO_ONLY.test(term) || HYPERBOLE.test(term);
}
