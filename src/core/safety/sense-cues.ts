// The word lists that tell the senses of a listed word apart (src/core/safety/senses.ts reads them): cues
// of abuse (someone addressed, sexual content asked for) that veto any benign reading, and the Korean
// cues of help-seeking, information and everyday compounds. Lists of words, no logic.

// ---------------------------------------------------------------------------------------------
// Abuse cues: whatever the words around a hit say about its sense, a message that addresses someone
// with it, or asks for sexual content, reads it in the offensive sense. Checked before any benign sense
// ("you're a dumb wild ass", "horny toad girls near me", "spotted dick pics", blind2-*.jsonl).

/** Second person. "you" after a polite request word ("can you", "have you seen") is the assistant, not a target. */
export const EN_SECOND_PERSON = new Set(['you', 'u', 'ya', 'ye', 'yourself', 'yourselves', 'ur', 'your', 'youre', 'thou']);
export const EN_POLITE_BEFORE_YOU = new Set(['can', 'could', 'would', 'will', 'do', 'did', 'have', 'has', 'if', 'thank', 'thanks', 'want', 'need', 'let', 'help', 'ask']);
/** "you should watch ...", "you can find ...": a suggestion to the assistant. */
export const EN_MODALS_AFTER_YOU = new Set(['should', 'could', 'can', 'might', 'may', 'will', 'would', 'must', 'll', 'd']);
/** Interjections and particles are not words of a name ("Bitch Please", "Dick lol"). */
export const EN_NOT_NAME = new Set(['please', 'pls', 'plz', 'lol', 'lmao', 'omg', 'wtf', 'yo', 'hey', 'ok', 'okay', 'yes', 'no', 'up', 'off', 'out', 'now', 'again', 'already', 'so', 'too', 'very', 'much', 'all', 'me', 'i', 'it', 'him', 'them', 'us', 'this', 'that', 'here', 'there']);
/** Insulting, sexual or possessive modifiers right before a hit ("stupid bitch", "nice tits", "her ass"). */
export const EN_MODIFIERS = new Set([
  'stupid', 'dumb', 'fat', 'ugly', 'little', 'dirty', 'filthy', 'lazy', 'useless', 'pathetic', 'total', 'complete', 'absolute',
  'such', 'fucking', 'fuckin', 'damn', 'big', 'bigger', 'huge', 'giant', 'massive', 'tiny', 'small', 'hairy', 'tight', 'wet',
  'juicy', 'hot', 'sexy', 'horny', 'naughty', 'nasty', 'busty', 'shaved', 'nice', 'perfect', 'beautiful', 'lovely', 'gorgeous',
  'cute', 'amazing', 'phat', 'thick', 'hard', 'her', 'his', 'my', 'teen', 'young', 'sloppy', 'stinky', 'smelly', 'stupidest',
]);
/** Words that ask for sexual content wherever they are in the message. */
export const EN_SEXUAL_CUES = new Set([
  'pic', 'pics', 'pix', 'nude', 'nudes', 'naked', 'nsfw', 'xxx', 'porn', 'porno', 'selfie', 'selfies',
  'sexy', 'horny', 'suck', 'sucks', 'sucking', 'sucker', 'lick', 'licking', 'licker', 'cam', 'cams', 'webcam', 'onlyfans',
  'boobs', 'naughty', 'slutty', 'hardcore', 'erotic', 'fetish', 'fap', 'thirsty', 'hookup', 'dtf', 'wank', 'eat', 'eater', 'eaters',
]);
/** People as sexual targets: a cue within the same clause ("great tits on that girl"). */
export const EN_TARGETS = new Set([
  'girl', 'girls', 'woman', 'women', 'babe', 'babes', 'teen', 'teens', 'milf', 'milfs', 'chick', 'chicks', 'wife', 'wives',
  'housewife', 'housewives', 'gf', 'girlfriend', 'stepmom', 'stepsister', 'schoolgirl', 'schoolgirls', 'lady', 'ladies', 'slut', 'sluts',
]);
/** Content nouns right after a hit make it the thing asked for ("Dick Pics", "Intercourse videos"). */
export const EN_MEDIA_AFTER = new Set(['video', 'videos', 'vid', 'vids', 'clip', 'clips', 'pic', 'pics', 'gif', 'gifs', 'cam', 'cams', 'content', 'compilation', 'compilations', 'tube', 'site', 'sites', 'link', 'links', 'porn', 'photo', 'photos', 'picture', 'pictures', 'selfie', 'selfies', 'nudes']);
export const EN_COPULA = new Set(['is', 'are', 'was', 'were', 're', 's', 'being', 'be', 'am', 'm']);
export const EN_ARTICLES = new Set(['a', 'an', 'such', 'so', 'total', 'complete', 'one', 'absolute', 'real', 'right']);
/** Words after a hit that still leave it the head of an insult ("what a jackass lol"). */
export const EN_TRAILERS = new Set(['lol', 'lmao', 'haha', 'bro', 'dude', 'man', 'mate', 'of']);
/** Persons as objects of "how to kill" (pronouns; common nouns come from WordNet, `people`). */
export const EN_PERSON_WORDS = new Set([
  'him', 'her', 'them', 'me', 'you', 'u', 'us', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'people',
  'myself', 'yourself', 'himself', 'herself', 'themselves', 'ourselves', 'yourselves', 'ppl', 'person', 'persons', 'human', 'humans',
  'kid', 'kids', 'child', 'children', 'baby', 'babies', 'man', 'men', 'guy', 'guys', 'cop', 'cops', 'mom', 'mum', 'dad', 'bro', 'sis',
]);
/** Determiners and possessives skipped before the object of "how to kill". */
export const EN_OBJECT_SKIP = new Set(['a', 'an', 'the', 'my', 'your', 'his', 'her', 'our', 'their', 'this', 'that', 'these', 'those', 'some', 'all', 'off', 'any', 'every']);
/** Words that may join a capitalised name ("Fun with Dick and Jane", "The Bank Dick", "Intercourse of the Senses"). */
export const TITLE_CONNECTORS = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'to', 'with', 'vs', 'at', 'for', 'from', 'by', 'or']);

/** Korean second person ("너", "니가", "당신"): a word that addresses someone. */
export const KO_SECOND_PERSON = new Set(['너', '넌', '널', '너는', '너도', '너를', '너가', '너랑', '너한테', '너같은', '너희', '너희들', '너네', '니', '니가', '니네', '니들', '네가', '느그', '당신', '당신이', '당신은', '당신도', '댁']);
/** Vocatives and "같은 새끼" ("십팔년아", "십팔번 같은 새끼"); imperatives that tell someone off. */
export const KO_ABUSE = /(새끼|새기|놈|년)(아|야|들)|같은\s?(새끼|놈|년|새기|것)|꺼져|닥쳐|뒤져라|죽어라|죽어버려|그냥\s?죽어|죽어\s*$/u;
/** Self-harm: wanting or planning it, right after the word ("자살하고 싶어", "자살 방법", "자살해라"). */
export const KO_INTENT_AFTER = /^\s?(하고\s?싶|싶|할래|할까|할\s?거|할\s?게|해야|하자|하려|할\s?수|하는\s?(법|방법)|방법|시도|충동)/u;
/** Self-harm urged on someone: "그냥 죽어" anywhere, "자살해라" right after the word. */
export const KO_INCITEMENT = /죽어라|죽어버려|그냥\s?죽어|죽어\s*$|뒤져라|뒤지라/u;
export const KO_INCITEMENT_AFTER = /^\s?(해라|하라|해\s?버려|하세요|해\s*$)/u;
/** Seeking help about self-harm or a crime: prevention, a hotline, counselling, support for victims. */
export const KO_HELP = /예방|상담|전화|번호|핫라인|도움|도와|돕|도울|구조|유가족|생명의\s?전화|1393|109|센터|치료|극복|신고|피해자|피해|지원|방지/u;
/** Information about it: statistics, the news, a documentary, a trial. Clears only a message with no wish or plan in it. */
export const KO_INFO = /통계|률|다큐|뉴스|기사|연구|교육|캠페인|처벌|재판|판결|사건|보도|대책|역사|원인|이유/u;
/** A plan rather than a wish: never cleared, not even by a help word ("자살 방법", "자살하는 법"). */
export const KO_METHOD_AFTER = /^\s?(방법|하는\s?(법|방법)|할\s?수\s?있는|도구|약|법)/u;
/** Syllables that, right after a Korean topic word, make it a verb, a particle or a distress compound, not another noun. */
export const KO_NOT_COMPOUND = /^(하|해|했|할|한|합|함|당|시키|은|는|이|가|을|를|의|에|와|과|도|만|로|으|야|아|시도|충동|기도|생각|욕구|방법|예고|암시|법|약|도구|장소|명소|수단)/u;
/** Topic words that name a harm without doing it: cleared when the message seeks help or information, or inside a longer noun ("자살골"). */
export const KO_TOPICS = new Set(['자살', '자해', '강간']);
/** Topic words that may start a longer everyday noun ("자살골" own goal, "자살률", "자해공갈"). 강간 is not one: its compounds name the crime. */
export const KO_COMPOUND_TOPICS = new Set(['자살', '자해']);
/** Korean words with an everyday sense shown by the words around them (no Korean WordNet ships with the app). */
export const KO_CONTEXTS: Readonly<Record<string, readonly string[]>> = {
  딸딸이: ['슬리퍼', '신발', '샌들', '쪼리', '경운기', '오토바이', '삼선'],
  미친개: ['광견병', '주의보', '물렸', '물림', '물린', '출몰', '떠돌이', '들개', '목줄'],
};
