// The Korean language pack: stems by stripping particles and endings (./stem.ts), stop words, time
// words, clause-closing endings, preference cues (./preferences.ts) and replies with agreeing
// particles (./reply.ts).
import { endsInAdnominal } from './predicate.ts';
import { koreanSituation } from './situation.ts';
import type { LanguagePack, Lexicon, WordAnalysis } from '../pack.ts';
import { koreanPreferences } from './preferences.ts';
import { koreanReply } from './reply.ts';
import { stemKorean } from './stem.ts';
import { isKoreanStopword } from './stopwords.ts';
import { KOREAN_SYSTEM_ADDRESS } from './system-address.ts';

/** "이번 주말", "다음 주": a time, not a topic. */
const TIME_DETERMINERS = new Set(['이번', '다음', '지난', '올', '매', '오늘', '내일', '어제', '올해', '이번주', '다음주']);
/** Weekdays and months ("토요일", "주말" aside; "3월", "삼월"). */
const CALENDAR = /^(?:[월화수목금토일]요일|(?:\d{1,2}|[일이삼사오육칠팔구십]|십[일이]|유|시)월)$/;
const SEASONS = new Set(['봄', '여름', '가을', '겨울']);
const TIME_NOUNS = new Set(['날', '주', '주말', '달', '겨울', '여름', '봄', '가을', '아침', '저녁', '밤', '해', '오후', '오전', '시간']);
/** Numerals and quantity words before a counter ("몇 개", "두 마리", "3잔"). */
const NUMERALS = /^(?:\d+|한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열|스무|몇|여러|수십|수백|몇십)$/;
/** Counters: after a numeral they measure, whatever else they name (개 dog, 대 a stand, 잔 a cup). */
const COUNTERS = new Set(['개', '마리', '명', '잔', '장', '권', '대', '번', '살', '분', '병', '그릇', '켤레', '벌', '송이', '채', '가지', '개씩', '장씩', '시', '시간', '일', '주', '주일', '달', '개월', '년', '초']);
/** Before 말, a determiner or a verb's modifier makes it speech ("방금 한 말", "그 말", "무슨 말", "내 말"). */
const SPEECH_BEFORE = /^(?:한|할|하는|했던|하던|그|이|저|내|제|네|니|무슨|방금|아까|그런|이런|좋은|나쁜)$/;
/** Connective endings that close a clause ("가는데", "빼고", "싫어서"). */
const CLAUSE_ENDINGS = /(?:는데|은데|ㄴ데|던데|지만|니까|어서|아서|해서|고)$/;
/** Auxiliary predicates continue the clause of the verb before them ("보고 싶지 않아", "먹고 싶어"). */
const AUXILIARY = /^(?:싶|있|않|주|줘|줄|보|봐|계|말)/;
/** Words for the feed itself: nouns, never topics ("이모지" is not the verb "이모" + "지"). */
const FEED_NOUNS = new Set(['사진', '스티커', '이모지', '이모티콘', '그림', '이미지', '아이콘', '피드']);
/** Particles tried on a one-syllable word the stemmer left whole ("주에" -> "주"), if what remains is a function word. */
const SHORT_WORD_PARTICLES = ['에서', '에', '은', '는', '을', '를', '이', '가', '도', '만', '로', '랑'];

function analyseKorean(surface: string, lexicon?: Lexicon): WordAnalysis {
  if (FEED_NOUNS.has(surface)) return { norm: surface, kind: 'noun', suffixes: [] };
  const s = stemKorean(surface, lexicon);
  if (s.kind === 'bare') {
    const p = SHORT_WORD_PARTICLES.find((x) => surface.endsWith(x) && surface.length > x.length);
    const rest = p ? surface.slice(0, -p.length) : '';
    if (p && (isKoreanStopword(rest) || TIME_NOUNS.has(rest))) return { norm: rest, kind: 'noun', suffixes: [p] };
  }
  return { norm: s.stem, kind: s.kind, suffixes: s.suffixes };
}

export const koreanPack: LanguagePack & { readonly code: 'ko' } = {
  code: 'ko',
  script: 'hangul',
  detect: /[\uac00-\ud7a3]/,
  minEvidenceChars: 1,
  minContentChars: 0,
  analyseWord: analyseKorean,
  // Catalog terms are written without particles: a Korean word is its own key.
  keyForm: (word) => word,
  isStopword: isKoreanStopword,
  // A weekday or a month is a date ("토요일에 바베큐 파티해": the party, not Saturday).
  time: { determiners: TIME_DETERMINERS, nouns: TIME_NOUNS, isDate: (norm) => CALENDAR.test(norm), isCalendarWord: (norm) => CALENDAR.test(norm), isSeason: (norm) => SEASONS.has(norm) },
  // "월드컵 결승 보는 날", "쉬는 날": a day, after a verb's modifier (날 alone is also a blade: the roller skate's).
  namesNothingAfter: (norm, previous) => previous !== undefined && ((NUMERALS.test(previous) && COUNTERS.has(norm)) || (norm === '말' && SPEECH_BEFORE.test(previous))
    || (norm === '날' && endsInAdnominal(previous))),
  clause: {
    openers: new Set(),
    closesClause: (surface, kind) => kind === 'predicate' && CLAUSE_ENDINGS.test(surface),
    continuesClause: (surface) => AUXILIARY.test(surface),
  },
  phrases: {
    particleEndsPhrase: true,
    modifierKeepsSurface: true,
    // A one-syllable stem + 는/은 right before a bare noun is a verb's modifier form far more often than
    // a noun and its topic particle ("오는 날", "사는 곳", "나는 새", "자는 고양이"); with a particle on
    // the next word it stays a topic ("차는 빨간색이 좋아"). Before a time noun it is one too ("오는 날": the
    // day, which namesNothingAfter leaves out of the phrases).
    adnominal: (_surface, norm, suffixes, next) =>
      norm.length === 1 && suffixes.length === 1 && (suffixes[0] === '는' || suffixes[0] === '은') && next !== undefined
      && (next.content || TIME_NOUNS.has(next.norm)) && next.suffixes.length === 0,
  },
  catalog: {
    conjunction: '및|과|와',
    flagWords: ['깃발', '국기'],
    // Adjective forms as a request writes them before a noun ("빨간 거", "노란 것만") and the colour nouns.
    colorWords: {
      red: ['빨간', '빨간색', '빨강'], orange: ['주황', '주황색'], yellow: ['노란', '노란색', '노랑'], green: ['초록', '초록색', '녹색'],
      blue: ['파란', '파란색', '파랑', '푸른'], purple: ['보라', '보라색'], pink: ['분홍', '분홍색', '핑크'], brown: ['갈색'],
      black: ['검은', '검은색', '검정', '까만'], white: ['흰', '흰색', '하얀', '하얀색'], grey: ['회색'],
    },
  },
  systemAddress: KOREAN_SYSTEM_ADDRESS,
  preferences: koreanPreferences,
  situation: koreanSituation,
  reply: koreanReply,
};
