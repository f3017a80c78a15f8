// The combined text guard the app wires on input and output (matches TextGuard in ../understand.ts):
// the lexicon decides first (always on, explainable), the small model catches what the lists miss
// when its build gave it the "guard" role (model.ts).
// Also the polite replies shown in place of a blocked turn.
import type { Language } from '../intent.ts';
import type { GuardVerdict, TextGuard } from '../understand.ts';
import type { LexiconGuard, LexiconMatch } from './lexicon.ts';
import type { ModelGuard } from './model.ts';

export interface SafetyVerdict extends GuardVerdict {
  by: 'lexicon' | 'model' | 'none';
  /** Lexicon matches (empty unless by = lexicon). */
  matches: LexiconMatch[];
  /** Model score when the model ran. */
  modelScore?: number;
}

export interface SafetyGuard extends TextGuard {
  check(text: string, signal?: AbortSignal): SafetyVerdict;
}

export interface SafetyGuardOptions {
  lexicon: LexiconGuard;
  model?: ModelGuard;
  /** Overrides the model file's threshold; given, the model is consulted even when its role is "measured-only". */
  modelThreshold?: number;
}

/** Category reported when only the model flags a text (it is a binary classifier). */
export const MODEL_CATEGORY = 'unsafe-model';

export function createSafetyGuard(opts: SafetyGuardOptions): SafetyGuard {
  const { lexicon } = opts;
  // A model that did not earn its place at build time refuses nothing (see ModelWeights.role).
  const model = opts.model && (opts.model.role === 'guard' || opts.modelThreshold !== undefined) ? opts.model : undefined;
  const threshold = opts.modelThreshold ?? model?.threshold ?? 1;
  return {
    check(text: string, signal?: AbortSignal): SafetyVerdict {
      signal?.throwIfAborted();
      const lex = lexicon.check(text);
      if (lex.verdict === 'unsafe') return { verdict: 'unsafe', categories: lex.categories, by: 'lexicon', matches: lex.matches };
      if (!model) return { verdict: 'safe', categories: [], by: 'none', matches: [] };
      // What the lexicon explicitly allows ("food porn", "시발점") is not the model's to overrule.
      let scored = text;
      for (const a of lex.allowed) scored = scored.slice(0, a.start) + ' '.repeat(a.end - a.start) + scored.slice(a.end);
      const s = model.score(scored);
      if (s >= threshold) return { verdict: 'unsafe', categories: [MODEL_CATEGORY], by: 'model', matches: [], modelScore: s };
      return { verdict: 'safe', categories: [], by: 'none', matches: [], modelScore: s };
    },
  };
}

const REPLIES: Readonly<Record<'en' | 'ko', Readonly<Record<'input' | 'output' | 'selfHarm', readonly string[]>>>> = {
  en: {
    // A message about harming oneself is not used for recommendations either, but it is answered with
    // care and a way to reach people who help, never with "I can't help with that". 988: the US Suicide
    // & Crisis Lifeline (call or text); 109: Korea's suicide-prevention line (since 2024).
    selfHarm: [
      "I'm really sorry you're going through this. You don't have to face it alone: please reach out to someone you trust, or to a crisis line now (call or text 988 in the US; 109 in Korea). If you're in immediate danger, call your local emergency number.",
    ],
    input: [
      "Sorry, I can't help with that. Could you put it another way, or tell me what you'd like to see?",
      "I'd rather keep things friendly here. Tell me what you're in the mood for and I'll find something.",
      "That's not something I can recommend. Want to try a different topic?",
    ],
    output: [
      "Sorry, I couldn't phrase a suitable answer to that. Could you ask in another way?",
      "I started to answer but it didn't come out right. Let's try that again differently.",
    ],
  },
  ko: {
    selfHarm: [
      '많이 힘드시군요. 혼자 견디지 않으셔도 돼요. 지금 믿을 수 있는 사람이나 자살예방상담전화 109에 연락해 주세요. 위급하다면 바로 112나 119로 연락하세요.',
    ],
    input: [
      '죄송하지만 그 요청은 도와드리기 어려워요. 다르게 말씀해 주시거나 보고 싶은 걸 알려 주세요.',
      '여기서는 서로 존중하는 말로 이야기해요. 어떤 걸 보고 싶으신지 알려 주시면 찾아 드릴게요.',
      '그건 추천해 드릴 수 없어요. 다른 주제로 이야기해 볼까요?',
    ],
    output: [
      '죄송해요, 적절한 답변을 만들지 못했어요. 다르게 물어봐 주시겠어요?',
      '답변이 제대로 나오지 않았어요. 다른 방식으로 다시 해 볼게요.',
    ],
  },
};

/**
 * A polite reply for a blocked turn in the user's language. `seed` picks a variant deterministically
 * (use seedOf(turnId) from understand.ts). Mixed or unknown language gets both. An input blocked for
 * self-harm gets a caring reply that points to help instead of a refusal.
 */
export function blockedReply(lang: Language, where: 'input' | 'output', seed = 0, categories: readonly string[] = []): string {
  const kind = where === 'input' && categories.includes('self-harm') ? 'selfHarm' : where;
  const pick = (l: 'en' | 'ko'): string => {
    const list = REPLIES[l][kind];
    return list[(seed >>> 0) % list.length]!;
  };
  if (lang === 'en' || lang === 'ko') return pick(lang);
  return `${pick('ko')}\n${pick('en')}`;
}
