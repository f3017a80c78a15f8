// The compact engine's replies: short, whole, in the user's language, varied by a seed, and saying
// back what was understood (the topic, what will be left out). Korean particles agree with the
// word they follow (고양이는 / 음식은, 피자를 / 음식을, 피자로 / 음식으로).
import type { Task, TurnExtraction } from '../intent.ts';
import { endsWithBatchim, finalConsonant } from './stem-ko.ts';

export type ReplyLanguage = 'en' | 'ko';

/** Most phrases named in one reply; more reads like a list, not a sentence. */
const MAX_NAMED = 3;

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

function listEn(xs: readonly string[]): string {
  const named = xs.slice(0, MAX_NAMED);
  if (named.length <= 1) return named[0] ?? '';
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

function listKo(xs: readonly string[]): string {
  return xs.slice(0, MAX_NAMED).join(', ');
}

/** What the catalog's items are called in a reply ("cat stickers", "고양이 스티커"). */
export interface ReplyVocabulary {
  readonly items: Readonly<Record<ReplyLanguage, string>>;
  /** How a phrase is shown: proper names capitalised ("seoul" -> "Seoul"). Identity by default. */
  readonly display?: (phrase: string, language: ReplyLanguage) => string;
}

export const DEFAULT_REPLY_VOCABULARY: ReplyVocabulary = { items: { en: 'picks', ko: '항목' } };

// English phrases are lemmas ("cat"), so templates use them as noun adjuncts ("fewer cat stickers"),
// where the singular is what English wants anyway.
type Template = (p: string, items: string) => string;
type Templates = Readonly<Record<Task, readonly Template[]>>;

const EN: Templates = {
  more_like: [(p, i) => `More ${p} ${i} coming up.`, (p, i) => `Here are more ${p} ${i}.`, (p) => `Got it, more ${p} it is.`, (p, i) => `You got it: more ${p} ${i}.`],
  learn_more: [
    (p, i) => `I can't look things up offline, but here are the ${p} ${i} I have.`,
    (p, i) => `Here are the ${p} ${i}, to explore.`,
    (p, i) => `Let me pull up the ${p} ${i} I have.`,
  ],
  less_of: [(p, i) => `Got it, fewer ${p} ${i}.`, (p, i) => `OK, I'll hold back the ${p} ${i}.`, (p, i) => `I'll keep ${p} ${i} out of your feed.`, (p, i) => `Noted. No more ${p} ${i} for now.`],
  new_topic: [(p) => `Switching to ${p}.`, (p) => `Let's look at ${p}.`, (p, i) => `Here are some ${p} ${i}.`, (p) => `${cap(p)}, coming right up.`],
  refine: [(p) => `Narrowing it down to ${p}.`, (p) => `Just ${p}, then.`, (p) => `OK, focusing on ${p}.`],
  start_over: [() => 'Starting fresh. What would you like to see?', () => 'All cleared. Where shall we begin?', () => 'Clean slate! What are you in the mood for?'],
  chit_chat: [
    () => 'Happy to chat! Tell me what you would like to see.',
    () => 'Hi! Ask me for anything: animals, food, travel...',
    () => "I'm here. What should the feed show you?",
  ],
};

const KO: Templates = {
  more_like: [(p, i) => `${p} ${i} 더 보여드릴게요.`, (p) => `좋아요, ${withParticle(p, OBJECT)} 더 가져왔어요.`, (p) => `${p}, 더 갑니다!`],
  learn_more: [
    (p, i) => `오프라인이라 자세한 설명은 어렵지만, ${p} 관련 ${withParticle(i, OBJECT)} 모아 봤어요.`,
    (p, i) => `${p} 관련 ${withParticle(i, OBJECT)} 보여드릴게요.`,
    (p, i) => `${p} 관련 ${withCopula(i)}. 하나씩 살펴보세요.`,
  ],
  less_of: [(p) => `알겠어요, ${withParticle(p, TOPIC)} 줄일게요.`, (p) => `${withParticle(p, TOPIC)} 이제 빼 둘게요.`, (p) => `${withParticle(p, TOPIC)} 피드에서 뺄게요.`],
  new_topic: [(p) => `${withParticle(p, 'ro')} 바꿔 볼게요.`, (p) => `이번엔 ${withParticle(p, OBJECT)} 보여드릴게요.`, (p, i) => `${p} 관련 ${withCopula(i)}.`],
  // "쪽" follows a noun or a modifier alike ("음료 쪽", "빨간 쪽"), so "빨간 것만" still reads well.
  refine: [(p) => `${p} 쪽으로 좁혀 볼게요.`, (p) => `좋아요, ${p} 쪽만 보여드릴게요.`, (p) => `${p} 쪽으로 맞춰 볼게요.`],
  start_over: [() => '처음부터 다시 시작할게요. 무엇을 보고 싶으세요?', () => '모두 지웠어요. 어디서부터 시작할까요?', () => '새로 시작해요! 어떤 게 보고 싶으세요?'],
  chit_chat: [() => '네! 보고 싶은 걸 말씀해 주세요.', () => '안녕하세요! 동물, 음식, 여행 등 무엇이든 말씀해 주세요.', () => '듣고 있어요. 피드에 무엇을 보여드릴까요?'],
};

const EN_NO_TOPIC: Partial<Record<Task, readonly string[]>> = {
  more_like: ['More like those, coming up.', 'Here are more in the same vein.'],
  learn_more: ['Which one would you like to know about?', 'Tell me which one you mean and I will show related ones.'],
  less_of: ['Got it, less of that.', 'OK, I will tone that down.'],
  new_topic: ['Sure, what would you like to see instead?'],
  refine: ['Tell me how to narrow it down: a colour, a kind, a place?'],
};
const KO_NO_TOPIC: Partial<Record<Task, readonly string[]>> = {
  more_like: ['비슷한 걸 더 보여드릴게요.', '같은 느낌으로 더 가져왔어요.'],
  learn_more: ['어떤 것이 궁금하세요?', '궁금한 것을 말씀해 주시면 관련 항목을 보여드릴게요.'],
  less_of: ['알겠어요, 그런 건 줄일게요.', '네, 덜 보여드릴게요.'],
  new_topic: ['좋아요, 무엇을 보고 싶으세요?'],
  refine: ['어떻게 좁혀 볼까요? 색, 종류, 장소 등을 말씀해 주세요.'],
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pickOf = <T>(xs: readonly T[], seed: number, salt: number): T => xs[((seed >>> 0) + salt) % xs.length]!;

/** A short reply for a turn. Deterministic for a given extraction, language and seed. */
export function composeReply(
  x: TurnExtraction,
  language: ReplyLanguage,
  seed: number,
  vocabulary: ReplyVocabulary = DEFAULT_REPLY_VOCABULARY,
): string {
  const ko = language === 'ko';
  const show = (xs: readonly string[]) => xs.map((t) => vocabulary.display?.(t, language) ?? t);
  const list = (xs: readonly string[]) => (ko ? listKo : listEn)(show(xs));
  const items = vocabulary.items[language];
  const topics = x.keyPhrases.map((p) => p.text);
  const subject = x.task === 'less_of' ? x.dislikes : topics;
  const salt = x.task.length * 7 + subject.length;
  let reply: string;
  if (subject.length > 0 || x.task === 'start_over' || x.task === 'chit_chat') {
    reply = pickOf((ko ? KO : EN)[x.task], seed, salt)(list(subject), items);
  } else {
    reply = pickOf((ko ? KO_NO_TOPIC : EN_NO_TOPIC)[x.task] ?? [''], seed, salt);
  }
  // Say what will be left out when the turn also carried a dislike ("no cats, more dogs").
  if (x.task !== 'less_of' && x.task !== 'start_over' && x.dislikes.length > 0) {
    const d = list(x.dislikes);
    reply += ko ? ` ${withParticle(d, TOPIC)} 빼 둘게요.` : ` I'll leave out the ${d} ${items}.`;
  }
  // Acknowledge a stated like that is not already the topic of the sentence.
  const newLikes = x.likes.filter((l) => x.task !== 'more_like' && !subject.slice(0, MAX_NAMED).includes(l));
  if (newLikes.length > 0) {
    const l = list(newLikes);
    reply += ko ? ` ${withParticle(l, OBJECT)} 좋아하시는군요!` : ` I'll remember you like ${l} ${items}.`;
  }
  return reply.trim();
}

/** A polite refusal for a blocked turn. */
export function composeBlockedReply(language: ReplyLanguage, seed: number): string {
  const en = [
    "Sorry, I can't help with that. Is there something else you'd like to see?",
    "That's not something I can help with. Want to explore something else?",
  ];
  const ko = ['죄송하지만 그 요청은 도와드릴 수 없어요. 다른 걸 찾아볼까요?', '그건 도와드리기 어려워요. 다른 주제는 어떠세요?'];
  return pickOf(language === 'ko' ? ko : en, seed, 0);
}
