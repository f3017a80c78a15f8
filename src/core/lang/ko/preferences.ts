// Korean preference cues: likes ("고양이 좋아", "강아지 더 보여줘"), dislikes ("고양이 말고", "X 싫어",
// "X는 그만", "보고 싶지 않아") and narrowing ("음료만"). Korean cues follow their object (particles and
// predicates come after the noun), so they scan backward, across coordinations ("뱀이랑 거미는").
// The scanning itself is shared (src/core/extract/preferences.ts).
import type { PreferenceGrammar, PreferenceScan } from '../pack.ts';
import type { Word } from '../../extract/words.ts';

const KO_NEGATIVE_WORD = /^(?:싫|그만|별로|극혐|혐오|무서워|징그러|징그럽|빼|치워|치우|줄여|줄이|덜|지겨|지겹|질렸|질려|됐어|됐다|됐고|됐네|제외|없애|말고|말구|노노)/;
/** "귀여운 동물", "좋은 저녁": a modifier form describes the next noun; it is not a verdict. */
const KO_MODIFIER_FORM = /(?:운|은|는|한|인|던|쁜|픈)$/;
const isKoreanVerdict = (surface: string, re: RegExp) => re.test(surface) && !KO_MODIFIER_FORM.test(surface);
const KO_NEGATIVE_SUFFIXES = new Set(['말고', '말구', '빼고', '빼구', '제외하고', '없이']);
const KO_POSITIVE_WORD = /^(?:좋아|좋다|좋네|좋습|좋더|최고|최애|사랑|짱|예뻐|예쁘|귀여|귀엽|멋있|멋지|멋져|재밌|재미있|맛있|빠졌|빠져)/;
/** Verbs of seeing a negation may follow: "국기는 더 이상 보고 싶지 않아". */
const KO_VIEW_VERB = /^(?:보|봐|나오|나와|보여)/;
/** "더" / "계속" count as a like only when a request follows ("더 보여줘"), not in "더 이상". */
const KO_MORE_WORD = /^(?:더|계속|또)$/;
const KO_REQUEST = /^(?:보여|보고|주|줘|줄|있|많이|보자|보여줄|부탁|가져|추천)/;
const KO_NOT = new Set(['안', '못', '별로']);
const KO_NEG_AUX = /^(?:않|싫)/;
const KO_COORDINATING: ReadonlySet<string> = new Set(['이랑', '랑', '하고', '와', '과', '이나', '나', '도']);
const KO_ONLY_SUFFIX = '만';

function findKoreanPreferences(scan: PreferenceScan): void {
  const { words } = scan;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.script !== 'hangul') continue;
    // The cue is the word's own particle: "고양이말고", "채소는빼고" (glued) or "고양이만".
    if (w.suffixes.some((s) => KO_NEGATIVE_SUFFIXES.has(s))) {
      scan.countCue('negative');
      const pi = scan.phraseEndingAt(i + 1);
      if (pi !== undefined) scan.setPolarity(pi, 'dislike');
      continue;
    }
    if (w.suffixes.includes(KO_ONLY_SUFFIX)) {
      scan.countCue('only');
      const pi = scan.phraseEndingAt(i + 1);
      if (pi !== undefined) scan.narrowTo(pi);
    }
    const next = words[i + 1];
    const prev = words[i - 1];
    const negAux = next !== undefined && KO_NEG_AUX.test(next.surface); // "보고 싶지 않아", "보기 싫어"
    const mark = (at: number, p: 'like' | 'dislike') => {
      for (const pi of scan.backward(at, false)) scan.setPolarity(pi, p);
    };
    if (isKoreanVerdict(w.surface, KO_NEGATIVE_WORD)) {
      scan.countCue('negative');
      scan.markCueWord(i);
      mark(i, 'dislike');
    } else if (w.surface === '안' && next && /^(?:보|봐|나오|나왔)/.test(next.surface)) {
      scan.countCue('negative'); // "무서운 건 안 보고 싶어"
      mark(i, 'dislike');
    } else if (/^싶지$|^보고$/.test(w.surface) && negAux) {
      scan.countCue('negative');
      mark(i, 'dislike');
    } else if (w.surface === '너무' && next && /^많/.test(next.surface)) {
      scan.countCue('negative'); // "자동차 너무 많아"
      mark(i, 'dislike');
    } else if (isKoreanVerdict(w.surface, KO_POSITIVE_WORD)) {
      scan.markCueWord(i);
      const flipped = (prev !== undefined && KO_NOT.has(prev.surface)) || negAux;
      scan.countCue(flipped ? 'negative' : 'positive');
      const at = prev !== undefined && KO_NOT.has(prev.surface) ? i - 1 : i;
      mark(at, flipped ? 'dislike' : 'like');
    } else if (KO_MORE_WORD.test(w.surface) && (next === undefined || next.kind === 'punct' || KO_REQUEST.test(next.surface))) {
      scan.countCue('positive');
      mark(i, 'like');
    }
  }
}

export const koreanPreferences: PreferenceGrammar = {
  cueWords(words: readonly Word[]) {
    const cue = new Set<number>();
    words.forEach((w, i) => {
      if (w.script === 'hangul' && (isKoreanVerdict(w.surface, KO_NEGATIVE_WORD) || isKoreanVerdict(w.surface, KO_POSITIVE_WORD))) cue.add(i);
    });
    return cue;
  },
  find: findKoreanPreferences,
  coordinatingSuffixes: KO_COORDINATING,
  passablePredicate: KO_VIEW_VERB,
  clauseStartCueLooksBack: true,
};
