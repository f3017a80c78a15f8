// What the compact engine needs to know about one language, in one object: its words (stop words,
// time words, clause words), how a word is reduced to its lemma or stem, its preference cues and
// how they find their objects, and its reply templates. One folder per language under src/core/lang/
// builds one of these; src/core/lang/packs.ts lists them. The extract code asks the pack, never a
// language by name.
import type { ColorTerm } from '../colors.ts';
import type { Task } from '../intent.ts';
import type { Polarity } from '../extract/preferences.ts';
import type { Script } from '../extract/tokens.ts';
import type { Word } from '../extract/words.ts';

/** Terms a lemmatiser or stemmer may consult (the catalog's vocabulary): a known form wins. */
export interface Lexicon {
  has(term: string): boolean;
}

export type WordKind = 'word' | 'noun' | 'predicate' | 'bare' | 'number' | 'punct';

/** One token read by its language: the lemma or stem, its kind, and what was stripped from it. */
export interface WordAnalysis {
  readonly norm: string;
  readonly kind: WordKind;
  /** Particles or endings stripped from the surface, outermost last. */
  readonly suffixes: readonly string[];
}

export interface WordSpan {
  /** Word indices [start, end). */
  readonly start: number;
  readonly end: number;
}

/** How a cue that precedes its object walks forward to it ("no more of the cats, or dogs"). */
export interface ForwardGrammar {
  /** Words a cue may skip before its object. */
  readonly filler: ReadonlySet<string>;
  /** Words joining coordinated objects ("and", "or", ","). */
  readonly coordinators: ReadonlySet<string>;
  /** Words that may open the next coordinated object ("the", "any"). */
  readonly determiners: ReadonlySet<string>;
}

/**
 * The shared machinery a pack's preference finder works with (src/core/extract/preferences.ts): it
 * maps cues to the candidate phrases around them and records what was found.
 */
export interface PreferenceScan {
  readonly words: readonly Word[];
  /** Matches of a cue pattern over the words joined by spaces, as word spans. */
  matchWords(re: RegExp): WordSpan[];
  /** Phrases after a cue ending at `from`, with their coordinations. */
  forward(from: number, grammar: ForwardGrammar): number[];
  /** Phrases ending just before a cue word, inside its clause (predicates are passed only when allowed). */
  backward(cue: number, allowPredicates: boolean): number[];
  /** The phrase whose exclusive end is `end`. */
  phraseEndingAt(end: number): number | undefined;
  setPolarity(phrase: number, polarity: Polarity): void;
  narrowTo(phrase: number): void;
  countCue(kind: 'negative' | 'positive' | 'only'): void;
  markCueWord(word: number): void;
  /** A negative cue covers this word: a positive cue starting here is part of it ("don't like"). */
  negateWord(word: number): void;
  isNegated(word: number): boolean;
}

export interface PreferenceGrammar {
  /** Word indices that belong to a cue: they never become key phrases. */
  cueWords(words: readonly Word[], matchWords: (re: RegExp) => WordSpan[]): Iterable<number>;
  /** Finds this language's cues and marks their objects. */
  find(scan: PreferenceScan): void;
  /** Particles on a word that coordinate it with the next phrase ("뱀이랑 거미는"); empty if none. */
  readonly coordinatingSuffixes: ReadonlySet<string>;
  /** Predicates a backward walk may pass ("국기는 더 이상 보고 싶지 않아"). */
  readonly passablePredicate?: RegExp;
  /** A cue word of this language that starts a clause still looks back for its object. */
  readonly clauseStartCueLooksBack: boolean;
}

export type ReplyTemplate = (phrase: string, items: string) => string;

export interface ReplyPack {
  /** Per task, variants picked by a seed; the subject phrase and the catalog's item noun are filled in. */
  readonly templates: Readonly<Record<Task, readonly ReplyTemplate[]>>;
  /** Per task, when the turn named nothing. */
  readonly noTopic: Partial<Readonly<Record<Task, readonly string[]>>>;
  /**
   * When the turn named nothing the reply may say, but the knowledge layer read what it implies and the
   * feed shows that ("오늘 몸이 안 좋아": the unwell faces, whose names have no Korean): the feed changed,
   * so the reply neither asks what to see nor names what it cannot say. Variants, picked by the seed.
   */
  readonly impliedUnnamed: readonly string[];
  /** What the catalog's items are called when the catalog does not say ("picks", "항목"). */
  readonly defaultItems: string;
  /** Joins named phrases (at most REPLY_MAX_NAMED arrive). */
  list(xs: readonly string[]): string;
  /** Appended when the turn also carried dislikes. */
  leftOut(dislikes: string, items: string): string;
  /** Appended when the turn stated a like that is not the topic. */
  remembered(likes: string, items: string): string;
  /**
   * A refinement to what lacks a property ("only the ones that can't fly", "안 매운 것만"): the topic
   * stays, without the property. Variants, picked by the seed.
   */
  readonly lacking: readonly ((property: string) => string)[];
  /** Which of a refinement's property phrases a reply says (as said, not a dictionary form); the first by default. */
  sayProperty?(phrases: readonly string[]): string;
  /** Polite refusals for a blocked turn. */
  readonly blocked: readonly string[];
  /** How a proper name (a place the gazetteer ties to a country) is written; as is when absent. */
  properName?(phrase: string): string;
  /**
   * How a concept's name stands as a reply's topic, or null where it cannot: a Korean 하다 verb by its
   * noun ("긴장하다" -> 긴장), any other verb or adjective form not at all ("추워하는": "이번엔
   * 추워하는을 보여드릴게요"). The name as it is when absent.
   */
  topicName?(phrase: string): string | null;
}

export interface LanguagePack {
  /** ISO 639-1 code; also the reply language. */
  readonly code: string;
  /** The script the language's words are written in: a token of this script is read by this pack. */
  readonly script: Script;
  /** Tests whether a text contains this script (decides the key form of a catalog term). */
  readonly detect: RegExp;
  /** Words shorter than this do not count as evidence of the language ("a", "i", "k"). */
  readonly minEvidenceChars: number;
  /** Content words shorter than this are not key phrases. */
  readonly minContentChars: number;
  analyseWord(surface: string, lexicon?: Lexicon): WordAnalysis;
  /** The form a catalog term's word is keyed by (the lemma a turn's word will be looked up with). */
  keyForm(word: string): string;
  isStopword(term: string): boolean;
  readonly time: {
    /** "next", "이번": a following time noun is a time, not a topic. */
    readonly determiners: ReadonlySet<string>;
    readonly nouns: ReadonlySet<string>;
    /** A word that is a date by itself ("in may", "january"). */
    isDate?(norm: string, previousSurface: string | undefined): boolean;
    /**
     * A weekday or a month ("saturday", "토요일", "3월"): when, never what, whatever its definition says
     * ("saturday: the seventh and last day of the week" had brought the last-quarter moon).
     */
    isCalendarWord?(norm: string): boolean;
    /**
     * A season ("winter", "여름"): beside a destination it is when the trip is ("going to sapporo this
     * winter", "여름에 제주도 가"), not what it is about (./extract/information.ts).
     */
    isSeason?(norm: string): boolean;
    /** A word that only places the next one in time ("late september", "early morning"): part of the time, not a topic. */
    modifiesTime?(norm: string, next: string | undefined): boolean;
  };
  /**
   * A word that names nothing after the word before it: a counter after a numeral ("몇 개", "두 마리":
   * 개 is also "dog"), "말" after a determiner or a verb's modifier ("방금 한 말": what was said, not a horse).
   */
  readonly namesNothingAfter?: (norm: string, previousSurface: string | undefined) => boolean;
  readonly clause: {
    /** Words that open a new clause ("but", "because"). */
    readonly openers: ReadonlySet<string>;
    /** A predicate whose ending closes its clause ("가는데"). */
    closesClause?(surface: string, kind: WordKind): boolean;
    /** An auxiliary that continues the clause before it ("보고 싶지 않아"). */
    continuesClause?(surface: string): boolean;
  };
  readonly phrases: {
    /** A particle on a word ends its noun phrase ("고양이를 | 강아지"). */
    readonly particleEndsPhrase: boolean;
    /** A modifier inside a phrase keeps its surface form ("귀여운 동물"). */
    readonly modifierKeepsSurface: boolean;
    /**
     * The word, read as a noun with a particle, is rather a verb modifying the next word ("비 오는 날":
     * 오는 is "that comes", not the number 오 with a topic particle): it is no phrase of its own.
     */
    adnominal?(surface: string, norm: string, suffixes: readonly string[], next: { readonly norm: string; readonly suffixes: readonly string[]; readonly content: boolean } | undefined): boolean;
  };
  /** How the catalog's own texts use the language (read by the gazetteer). */
  readonly catalog: {
    /** A regex alternative joining two category names in a label ("food and drink", "음식 및 음료"). */
    readonly conjunction: string;
    /** Words that prefix a flag's name ("flag: Korea", "깃발: 한국"). */
    readonly flagWords: readonly string[];
    /**
     * The words for each basic colour term (src/core/colors.ts), as people write them in a request
     * ("red", "빨간", "빨간색"): an item's colours, read from its picture, are matched by these.
     */
    readonly colorWords: Readonly<Record<ColorTerm, readonly string[]>>;
  };
  /**
   * Phrasings addressed to the system's own instructions (prompt injection: "ignore all previous
   * instructions"). Global regexes; a match is dropped from the turn before it is read.
   */
  readonly systemAddress: readonly RegExp[];
  readonly preferences: PreferenceGrammar;
  readonly reply: ReplyPack;
  /** What a turn tells about the user's situation (the DAG's information node), and undo cues. */
  readonly situation: SituationPack;
}

/**
 * Patterns for the information-extraction node (src/core/extract/information.ts). Global regexes over
 * the turn's text; group 1 (when present) is what is kept.
 */
export interface SituationPack {
  /** Dates and times the user mentions ("next week", "on friday", "다음 주"). */
  readonly dates: readonly RegExp[];
  /** Occasions ("birthday", "wedding", "추석"). */
  readonly occasions: readonly RegExp[];
  /**
   * Days of the calendar with symbols of their own, by an id every pack shares ("christmas": Christmas,
   * Xmas, 크리스마스, 성탄절): a holiday's symbols belong to a feed about that holiday, not to any feed
   * about celebrating (src/core/fusion/celebrating.ts).
   */
  readonly holidays: Readonly<Record<string, RegExp>>;
  /**
   * Words of sadness and loss ("sad", "heartbroken", "wilted", "이별"): a feed about celebrating leaves
   * out what only a related word found and whose words say these (src/core/fusion/celebrating.ts).
   */
  readonly sadWords: RegExp;
  /** Words that say joy or laughter ("laughing", "lol", "웃음"): off a feed about grief or heartbreak (fusion/celebrating.ts). */
  readonly joyWords: RegExp;
  /** People the user mentions as theirs ("my daughter", "딸"); group 1 is the person. */
  readonly people: readonly RegExp[];
  /** A dislike taken back ("cats are fine now", "고양이 괜찮아"): the turn must match one. */
  readonly undo: readonly RegExp[];
  /** What a named place implies the user is doing, as a topic to search ("travel", "여행"). */
  readonly travelTopic: string;
  /**
   * Words that only say a journey is made ("traveling", "trip", "출장"): beside a named destination the
   * place says where and what it brings (src/core/extract/journey.ts), so they are no topic of their own
   * ("I'm traveling from San Francisco to Seoul" had searched "travel" and shown four trains). Whole
   * words of a key phrase; the information node drops them.
   */
  readonly tripWords: RegExp;
  /**
   * Where a journey starts, around a place's name: words before it ("from San Francisco") or
   * particles after it ("샌프란시스코에서"). A place so marked, in a turn that names another place,
   * is where the user leaves from, not where they are going.
   */
  readonly origin: { readonly before: readonly string[]; readonly after: readonly string[] };
  /**
   * A refinement that names its property in a clause ("only the ones that fly", "수영하는 것만"):
   * group 1 is the property, read even where its words are otherwise not topics (verbs like "fly").
   */
  readonly refineProperty: readonly RegExp[];
  /**
   * The dictionary forms a refinement's clause may use as its predicate, where the word's position
   * says it is one though its spelling reads as something else ("하늘 나는 애들만": 나는 is "flying",
   * not "I"). Candidates: the caller keeps those the knowledge layer knows. Optional.
   */
  readonly refinePredicates?: (text: string) => readonly string[];
  /**
   * A clause that gives the user's reason for a request ("nothing with alcohol, i'm driving", "단 거 빼줘,
   * 다이어트 중이라서"): its words are a circumstance of what is refused or narrowed, not a new topic.
   * Global; each match is one reason.
   */
  readonly reasons?: RegExp;
  /** The refinement asks for what lacks the property ("the ones that can't fly", "안 매운 것만"). */
  readonly refineNegated: RegExp;
  /**
   * A turn that narrows what is shown by its form alone ("only the ones with wings", "just the red
   * ones", "바다에 사는 것만"), whatever the task classifier read: with a topic on screen it is a refinement.
   */
  readonly narrowsShown?: RegExp;
  /**
   * A turn that tells something just happened ("just got promoted", "i just landed in tokyo"): "just" is
   * "recently" there, not "only", whatever the task classifier read (a refinement of the topic on screen).
   */
  readonly toldRecent?: RegExp;
  /**
   * A whole turn that only describes what to show ("something warm", "what to wear in winter", "따뜻한 거
   * 있어?"): with a topic on screen, a refinement of it where some of its items fit (else the turn is
   * read as the classifier reads it: "show me horses", then "something festive" is the festive things).
   */
  readonly describesOnly?: RegExp;
  /**
   * Occasions a turn implies without naming them ("she just turned five" is a birthday): each pattern
   * with the occasion it implies, a word of this language the catalog can match.
   */
  readonly impliedOccasions: readonly { readonly pattern: RegExp; readonly occasion: string }[];
  /**
   * The turn points at cards already shown by a property ("more like the red one", "빨간 거 더"): a
   * "more like" turn that does is a refinement of the topic on screen, not a search for the property.
   */
  readonly refersToShown: (text: string) => boolean;
  /**
   * Words that wish someone well on an occasion ("happy new year", "merry christmas", "새해 복 많이
   * 받으세요"): in a turn that names an occasion they are the greeting, not a topic (grinning faces).
   */
  readonly greetings: readonly string[];
  /**
   * Taking back the last request or turning to another matter ("never mind", "forget that", "by the
   * way", "됐고", "아 맞다", "아 근데"), at the start of the turn: what follows is a new topic, not a refinement or more of the last one ("got any cat ones", then "nvm, my phone just
   * died": the phone, not cats narrowed by it).
   */
  readonly retract: RegExp;
  /**
   * Words that only turn the conversation to another matter, anywhere in the turn ("switching gears",
   * "unrelated but", "on another note", "다른 얘긴데"): a topic change as retract is, and no topic of
   * their own. They are blanked before the turn is read (src/core/extract/machinery.ts): "switching gears,
   * diwali at my aunt's" had shown the gear. Not global (tested); the reader makes its own global copy.
   */
  readonly topicChange: RegExp;
  /**
   * A pronoun pointing back at what was talked about ("they're kinda cute, show me some", "걔네도
   * 괜찮아"): with a take-back cue and nothing named, it takes back the latest dislike.
   */
  readonly refersBack: RegExp;
  /**
   * Words that tie a request to what the conversation already holds, the occasion or the trip told
   * before ("what should i bring as a gift though?", "what should i get her?", "그날 뭐 입지"): such a
   * turn asks within it, not about something new (src/core/extract/node-task.ts).
   */
  readonly continues: RegExp;
  /** A change of mind without naming what ("actually", "on second thought", "생각해보니"): a take-back cue with a pronoun. */
  readonly changeOfMind: RegExp;
  /** Asking for more of what is shown ("more", "another", "similar", "더", "비슷한"): small talk that says so keeps the topic. */
  readonly wantsMore: RegExp;
  /**
   * Praise or delight, a reaction to what is shown or planned ("so cute", "can't wait", "귀여워", "설렌다"):
   * small talk that says it keeps the topic, where another feeling told ("우울해") starts its own.
   */
  readonly praises: RegExp;
  /**
   * Likening to what is shown ("anything else like it?", "the same", "이런 거", "비슷한"): a turn that
   * does is never a start over, whatever the classifier read (it had wiped the user's interests).
   */
  readonly likensShown: RegExp;
  /**
   * What the turn names as the cause of what it tells, in group 1 ("because of exams", "시험 때문에"):
   * a circumstance of the feeling, not the topic ("시험 때문에 스트레스 받아" had shown ten books and no
   * stressed face). Global.
   */
  readonly causes: RegExp;
  /**
   * What the turn says has broken down ("the heating's out", "the ac just died", "에어컨 고장났는데"), group
   * 1 the thing: a circumstance of the situation told (the cold, the heat), not a topic: "heating" had
   * brought the hot face and the melting face to a freezing flat.
   */
  readonly broken: RegExp;
  /**
   * Where the turn says something happened, its words in the groups ("at the beach", "on the
   * plane", "회사에서"): the setting of a situation told beside it, not the situation ("i got a sunburn
   * at the beach" had shown the whales and the surfers, not the sun). Global.
   */
  readonly settings: RegExp;
  /** A refusal anywhere in the turn ("hate", "no more", "싫어"): then a pronoun is disliked again, not taken back. */
  readonly refuses: RegExp;
  /**
   * The turn asks the feed for something ("show me", "christmas stickers with cats", "ideas", "보여줘",
   * "추천"): its words are what is wanted. A turn that asks for nothing and tells a situation ("diwali
   * at my aunt's, so excited") is read for the situation; its other words are circumstances.
   */
  readonly asks: RegExp;
  /**
   * In such a turn, its other phrases weigh less ("apartment top", "first night"). Korean phrases keep
   * endings and run words together ("시인데 잠"), and there the demotion lost the sleep a turn named
   * (dev2 ko 0.582 without it, 0.570 with it); since what a told turn means leads its words
   * (src/core/wanted.ts), Korean demotes too: dev2 ko 0.621 -> 0.630, old blind ko 0.864 -> 0.864
   * (the legs of "다리가 후들후들" after a hike, the house of "집이 완전 찜질방" weigh less).
   */
  readonly demotesCircumstances: boolean;
}

/** Most phrases named in one reply; more reads like a list, not a sentence. */
export const REPLY_MAX_NAMED = 3;
