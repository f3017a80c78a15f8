// A hand-written seed list, allowed by issue 14 because it is general: ~60 of the most common Korean
// predicates for states, feelings and everyday activities (dictionary form -> English WordNet lemma, or
// the first English name of an everyday situation in situations.ts where the state is one: 배부르다 ->
// stuffed, whose implied things replace WordNet's "full: fraught, heavy").
// Nothing here is tied to one sentence; conjugated forms ("목말라", "추워요", "졸린") are derived from the
// dictionary form by tools/knowledge/korean.ts, and what a state implies comes from WordNet and, for a
// situation, from its seed. A form is read as a predicate only through this list (src/core/knowledge/
// match.ts), so a two-word predicate ("얼어 죽다") is written here, not as a situation's name.
export const KO_STATE_WORDS: Readonly<Record<string, string>> = {
  목마르다: 'thirsty', 배고프다: 'hungry', 배부르다: 'stuffed', 춥다: 'cold', 덥다: 'hot', 졸리다: 'sleepy',
  피곤하다: 'tired', 아프다: 'sick', 심심하다: 'bored', 슬프다: 'sad', 기쁘다: 'happy', 행복하다: 'happy',
  외롭다: 'lonely', 무섭다: 'scared', 화나다: 'angry', 짜증나다: 'annoyed', 우울하다: 'depressed',
  신나다: 'excited', 설레다: 'excited', 긴장하다: 'nervous', 긴장되다: 'nervous', 초조하다: 'nervous', 불안하다: 'anxious',
  걱정되다: 'worried', 걱정하다: 'worried', 기대되다: 'excited', 궁금하다: 'curious', 놀라다: 'surprised',
  부끄럽다: 'embarrassed', 시원하다: 'cool', 따뜻하다: 'warm', 맵다: 'spicy', 달다: 'sweet', 짜다: 'salty',
  맛있다: 'delicious', 바쁘다: 'busy', 지치다: 'exhausted', 사랑하다: 'love', 축하하다: 'celebrate',
  결혼하다: 'marry', 졸업하다: 'graduate', 운동하다: 'exercise', 공부하다: 'study', 여행하다: 'travel',
  요리하다: 'cook', 노래하다: 'sing', 춤추다: 'dance', 수영하다: 'swim', 달리다: 'run', 자다: 'sleep',
  먹다: 'eat', 마시다: 'drink', 놀다: 'play', 쉬다: 'rest', 날다: 'fly', 걷다: 'walk', 읽다: 'read',
  그리다: 'draw', 씻다: 'wash', 울다: 'cry', 웃다: 'laugh',
  // States that situations.ts names: cold, heat and damp, hunger, feelings.
  '얼어 죽다': 'freezing', '추워 죽다': 'freezing', 습하다: 'humid', 꿉꿉하다: 'humid', 후텁지근하다: 'humid',
  출출하다: 'hungry', 쓸쓸하다: 'lonely', 떨리다: 'nervous', 뿌듯하다: 'proud', 자랑스럽다: 'proud',
};

/**
 * The states and feelings among them (not the activities, 결혼하다 or 공부하다, nor a taste's 맵다): a feeling
 * the user says is no circumstance of what the turn tells (src/core/extract/statement.ts); the build marks
 * their forms with their own relation, seed:ko-predicate-state.
 */
export const KO_FEELINGS: ReadonlySet<string> = new Set([
  '목마르다', '배고프다', '배부르다', '춥다', '덥다', '졸리다', '피곤하다', '아프다', '심심하다', '슬프다', '기쁘다', '행복하다',
  '외롭다', '무섭다', '화나다', '짜증나다', '우울하다', '신나다', '설레다', '긴장하다', '긴장되다', '초조하다', '불안하다',
  '걱정되다', '걱정하다', '기대되다', '궁금하다', '놀라다', '부끄럽다', '바쁘다', '지치다',
  '얼어 죽다', '추워 죽다', '습하다', '꿉꿉하다', '후텁지근하다', '출출하다', '쓸쓸하다', '떨리다', '뿌듯하다', '자랑스럽다',
]);
