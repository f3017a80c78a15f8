// Korean replies of the compact engine: templates per task, varied by a seed. Particles agree with
// the word they follow (고양이는 / 음식은, 피자를 / 음식을, 피자로 / 음식으로), read from the last
// syllable's final consonant (받침).
import type { Task } from '../../intent.ts';
import type { ReplyPack, ReplyTemplate } from '../pack.ts';
import { endsWithBatchim, finalConsonant } from './stem.ts';

type Pair = readonly [batchim: string, vowel: string];
const TOPIC: Pair = ['은', '는'];
const OBJECT: Pair = ['을', '를'];
const FINAL_RIEUL = 8;

/** Attaches a Korean particle that agrees with the last syllable; a Latin word gets both forms. */
export function withParticle(word: string, pair: Pair | 'ro'): string {
  const last = word.slice(-1);
  const f = finalConsonant(last);
  if (pair === 'ro') {
    if (f < 0) return `${word}(으)로`;
    return `${word}${f === 0 || f === FINAL_RIEUL ? '로' : '으로'}`;
  }
  if (f < 0) return `${word}${pair[0]}(${pair[1]})`;
  return `${word}${endsWithBatchim(last) ? pair[0] : pair[1]}`;
}

/** The polite copula: "항목이에요", "스티커예요". */
export function withCopula(word: string): string {
  const f = finalConsonant(word.slice(-1));
  return `${word}${f === 0 ? '예요' : '이에요'}`;
}

/** The last word is a predicate's dictionary form ("날다", "입다"; also a noun in 다, "바다", which reads as well quoted). */
const DICTIONARY_FORM = /[가-힣]다$/u;
/** What a refinement keeps: "빨간 쪽", or "'날다'에 맞는 것" for a dictionary form; both take 으로. */
const side = (p: string) => (DICTIONARY_FORM.test(p) ? `'${p}'에 맞는 것` : `${p} 쪽`);

const TEMPLATES: Readonly<Record<Task, readonly ReplyTemplate[]>> = {
  more_like: [(p, i) => `${p} ${i} 더 보여드릴게요.`, (p) => `좋아요, ${withParticle(p, OBJECT)} 더 가져왔어요.`, (p) => `${p}, 더 갑니다!`],
  learn_more: [
    (p, i) => `오프라인이라 자세한 설명은 어렵지만, ${p} 관련 ${withParticle(i, OBJECT)} 모아 봤어요.`,
    (p, i) => `${p} 관련 ${withParticle(i, OBJECT)} 보여드릴게요.`,
    (p, i) => `${p} 관련 ${withCopula(i)}. 하나씩 살펴보세요.`,
  ],
  less_of: [(p) => `알겠어요, ${withParticle(p, TOPIC)} 줄일게요.`, (p) => `${withParticle(p, TOPIC)} 이제 빼 둘게요.`, (p) => `${withParticle(p, TOPIC)} 피드에서 뺄게요.`],
  new_topic: [(p) => `${withParticle(p, 'ro')} 바꿔 볼게요.`, (p) => `이번엔 ${withParticle(p, OBJECT)} 보여드릴게요.`, (p, i) => `${p} 관련 ${withCopula(i)}.`],
  // "쪽" follows a noun or a modifier alike ("음료 쪽", "빨간 쪽"), so "빨간 것만" still reads well.
  // A predicate's dictionary form (a clause read by position, "하늘 나는 애들만" -> 날다) is quoted: "날다 쪽" does not read.
  refine: [(p) => `${side(p)}으로 좁혀 볼게요.`, (p) => `좋아요, ${side(p)}만 보여드릴게요.`, (p) => `${side(p)}으로 맞춰 볼게요.`],
  start_over: [() => '처음부터 다시 시작할게요. 무엇을 보고 싶으세요?', () => '모두 지웠어요. 어디서부터 시작할까요?', () => '새로 시작해요! 어떤 게 보고 싶으세요?'],
  chit_chat: [() => '네! 보고 싶은 걸 말씀해 주세요.', () => '안녕하세요! 동물, 음식, 여행 등 무엇이든 말씀해 주세요.', () => '듣고 있어요. 피드에 무엇을 보여드릴까요?'],
};

const NO_TOPIC: Partial<Record<Task, readonly string[]>> = {
  more_like: ['비슷한 걸 더 보여드릴게요.', '같은 느낌으로 더 가져왔어요.'],
  learn_more: ['어떤 것이 궁금하세요?', '궁금한 것을 말씀해 주시면 관련 항목을 보여드릴게요.'],
  less_of: ['알겠어요, 그런 건 줄일게요.', '네, 덜 보여드릴게요.'],
  new_topic: ['좋아요, 무엇을 보고 싶으세요?'],
  refine: ['어떻게 좁혀 볼까요? 색, 종류, 장소 등을 말씀해 주세요.'],
};

/** Endings of a predicate's modifying or dictionary form: "추워하는", "따뜻한", "배고프다", "사랑스러운". */
const PREDICATE_FORM = /(?:하는|하다|한|되는|된|스러운|는|다)$/u;
/** Nouns that end like a predicate form ("바다", "사다리", "하늘"): the word list is short, so they are spared by length. */
const MIN_PREDICATE_FORM_CHARS = 3;

export const koreanReply: ReplyPack = {
  topicName: (phrase) => {
    const words = phrase.trim().split(/\s+/);
    const last = words.at(-1) ?? '';
    if (last.length < MIN_PREDICATE_FORM_CHARS || !PREDICATE_FORM.test(last)) return phrase;
    // A 하다 / 되다 verb's noun names the same state ("긴장하다", "긴장되다" -> 긴장).
    const noun = /(?:하다|되다)$/.test(last) ? last.slice(0, -2) : '';
    return noun.length >= 2 ? [...words.slice(0, -1), noun].join(' ') : null;
  },
  templates: TEMPLATES,
  noTopic: NO_TOPIC,
  impliedUnnamed: ['이런 건 어떠세요?', '지금 상황에 어울릴 만한 걸 골라 봤어요.'],
  defaultItems: '항목',
  list: (named) => named.join(', '),
  leftOut: (d) => ` ${withParticle(d, TOPIC)} 빼 둘게요.`,
  // Quoted with 쪽, as a refinement is ("'매운' 쪽은"): the property may be a modifier, a noun or a dictionary form.
  lacking: [(p) => `좋아요, '${p}' 쪽은 빼고 보여드릴게요.`, (p) => `'${p}' 쪽만 빼 둘게요.`],
  // "안 매운 것만" reads as 매운 and as 맵다: the reply says the word as written.
  sayProperty: (phrases) => phrases.find((p) => !DICTIONARY_FORM.test(p)) ?? phrases[0]!,
  remembered: (l) => ` ${withParticle(l, OBJECT)} 좋아하시는군요!`,
  blocked: ['죄송하지만 그 요청은 도와드릴 수 없어요. 다른 걸 찾아볼까요?', '그건 도와드리기 어려워요. 다른 주제는 어떠세요?'],
};
