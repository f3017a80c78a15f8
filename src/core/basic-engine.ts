// The simplest understanding engine: content words become key phrases, "no X" / "X 말고" become
// dislikes. It is the floor the other engines must beat, and the last fallback if their models fail
// to load; it needs no model file at all.
import type { Language, Task, TurnExtraction } from './intent.ts';
import { isHangul, normalizeText } from './text.ts';
import type { UnderstandingEngine } from './understand.ts';

const EN_STOP = new Set(
  ('i me my we you your it its a an the and or but of to in on at for with about from by is are was were be been am ' +
    'do does did want wanna would like love show see some more less any please give let us can could me just really ' +
    'get find something things stuff thing look looking need have has had im i\'m maybe also too very what which that ' +
    'this these those there here how who why where when hi hello hey thanks thank ok okay yes so now again other').split(' '),
);
const KO_STOP = new Set(['좀', '더', '보여줘', '보여', '주세요', '줘', '싶어', '싶어요', '원해', '원해요', '그리고', '저는', '나는', '제발', '많이', '이제', '그냥']);
const KO_SUFFIXES = ['보여줘', '보여주세요', '싶어요', '싶어', '해줘', '주세요', '이요', '요', '을', '를', '은', '는', '이', '가', '도', '만', '에'];
const EN_NEGATORS = /\b(?:no more|no|not|without|except|anything but|less|stop showing|don'?t (?:want|like|show))\s+([\p{L}\s]{2,40}?)(?=[,.!?;]|\band\b|$)/giu;
const KO_NEGATION = /([\p{L}]{1,20}?)(?:은|는|이|가|을|를)?\s*(?:말고|빼고|싫어|그만|없이)/gu;

function koStem(token: string): string {
  for (const s of KO_SUFFIXES) if (token.endsWith(s) && token.length - s.length >= 2) return token.slice(0, -s.length);
  return token;
}

function language(text: string): Language {
  const ko = isHangul(text);
  const latin = /[a-z]/i.test(text);
  return ko && latin ? 'mixed' : ko ? 'ko' : latin ? 'en' : 'unknown';
}

export function createBasicEngine(): UnderstandingEngine {
  return {
    name: 'basic',
    extract(text: string): TurnExtraction {
      const norm = normalizeText(text).slice(0, 1000);
      const dislikes = new Set<string>();
      for (const m of norm.matchAll(EN_NEGATORS)) dislikes.add(m[1]!.trim());
      for (const m of norm.matchAll(KO_NEGATION)) dislikes.add(koStem(m[1]!.trim()));
      const words = norm
        .split(/[^\p{L}\p{N}']+/u)
        .map((w) => (isHangul(w) ? koStem(w) : w))
        .filter((w) => w.length > 1 && !EN_STOP.has(w) && !KO_STOP.has(w) && ![...dislikes].some((d) => d.split(' ').includes(w)));
      const keyPhrases = [...new Set(words)].slice(0, 8).map((w) => ({ text: w, weight: 1 }));
      const startOver = /\b(start over|reset|forget (?:it|everything))\b|처음부터|초기화/.test(norm);
      const task: Task = startOver ? 'start_over' : dislikes.size && !keyPhrases.length ? 'less_of' : keyPhrases.length ? 'new_topic' : 'chit_chat';
      return { keyPhrases, likes: [], dislikes: [...dislikes].filter((d) => d.length > 0).slice(0, 8), task, language: language(text), safety: { verdict: 'unchecked', categories: [] } };
    },
    reply(x, { language: lang }) {
      const what = x.keyPhrases.map((p) => p.text).slice(0, 3).join(', ');
      const not = x.dislikes.slice(0, 2).join(', ');
      if (lang === 'ko') {
        if (x.task === 'start_over') return '처음부터 다시 시작할게요.';
        if (!what && !not) return '무엇을 보고 싶으신가요?';
        return `${what ? `${what} 관련 항목을 보여드릴게요.` : ''}${not ? ` ${not}은(는) 빼둘게요.` : ''}`.trim();
      }
      if (x.task === 'start_over') return "Starting over. What would you like to see?";
      if (!what && !not) return 'What would you like to see?';
      return `${what ? `Here are some picks for ${what}.` : ''}${not ? ` I'll leave out ${not}.` : ''}`.trim();
    },
    blockedReply(lang) {
      return lang === 'ko' ? '죄송하지만 그 요청은 도와드릴 수 없어요. 다른 것을 찾아볼까요?' : "Sorry, I can't help with that. Is there something else you'd like to see?";
    },
  };
}
