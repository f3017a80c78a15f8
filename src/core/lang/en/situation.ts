// English patterns of the information node: dates, the people a user mentions as theirs, and the
// phrasings that take a dislike back. General word lists, not sentences.
import type { SituationPack } from '../pack.ts';

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS = 'january|february|march|april|june|july|august|september|october|november|december';
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred';
const KIN = 'daughter|son|kids?|children|child|baby|wife|husband|partner|mom|mum|mother|dad|father|parents|sister|brother|'
  + 'grandma|grandmother|grandpa|grandfather|grandparents|girlfriend|boyfriend|fiancee?|friends?|family|boss|colleagues?|'
  + 'niece|nephew|aunt|uncle|cousin|teacher|students?';

/** What may open a turn that only describes what to show ("ok, something warm", "maybe anything red?"). */
const DESCRIBES_ONLY = String.raw`\W*(?:(?:ok(?:ay)?|hmm+|um+|and|but|now|maybe|then|so)[\s,]+)*`;
/** Its two forms: "something (a bit) warm" and "what to wear in winter"; the description, then what it is for. */
const SOMETHING = String.raw`(?:something|anything)\s+(?:a\s+(?:bit|little)\s+|more\s+)?`;
const DESCRIPTION = String.raw`[\p{L}-]+`;
const WHAT_TO = String.raw`what\s+(?:to|you|i|we)\s+(?:can\s+|could\s+|should\s+)?`;
const WHAT_FOR = String.raw`[\p{L}-]+(?:\s+(?:in|on|at|during|for)\s+(?:the\s+|a\s+)?[\p{L}-]+)?`;

export const englishSituation: SituationPack = {
  dates: [
    new RegExp(`\\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|weekend)|(?:this|next|last) (?:week|weekend|month|year|${WEEKDAYS})|on (?:${WEEKDAYS})|in (?:${MONTHS})|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?)\\b`, 'gi'),
  ],
  occasions: [/\b(?:birthday|wedding|anniversary|christmas|halloween|thanksgiving|new year(?:'s)?(?: eve| day)?|easter|graduation|prom|party|valentine'?s(?: day)?|honeymoon|holiday|vacation|baby shower|housewarming|picnic|camping trip|road trip|date night|retirement|funeral|exam|job interview)\b/gi],
  holidays: {
    christmas: /\b(?:christmas|xmas)/i, halloween: /\bhalloween/i, thanksgiving: /\bthanksgiving/i, easter: /\beaster\b/i,
    valentine: /\bvalentine/i, hanukkah: /\b(?:hanukkah|chanukah)/i, diwali: /\bdiwali/i, ramadan: /\b(?:ramadan|eid)\b/i,
    lunarNewYear: /\b(?:lunar|chinese) new year/i, newYear: /\bnew year/i, stPatrick: /\b(?:st\.?|saint) (?:patrick|paddy)/i,
    chuseok: /\bchuseok/i, tanabata: /\btanabata/i,
    // "the holidays": the winter ones (Santa's tags say christmas and holiday).
    holidaySeason: /\bholidays?\b/i,
  },
  joyWords: /\b(?:joy|joyful|laugh|laughing|laughter|lol|lmao|lmfao|rofl|haha|hahaha|hilarious|funny)\b/i,
  sadWords: /\b(?:sad|sadness|unhappy|heartbroken|heartbreak|lonely|loneliness|crying|grief|grieving|mourning|funeral|wilted|sorrow|depressed|miserable)\b/i,
  // "my daughter", and a place named by whose it is ("at grandma's", "my aunt's").
  // "for a friend", "with friends": whom it is for or with, a person as well as "my friend" is.
  people: [new RegExp(`\\b(?:my|our) ((?:little |baby |best |older |younger )?(?:${KIN}))\\b`, 'gi'), new RegExp(`\\b(?:at|to|from) (?:my |our )?(${KIN})['’]s\\b`, 'gi'),
    new RegExp(`\\b(?:for|with) (?:a |an |the |some )?(${KIN})\\b`, 'gi')],
  undo: [
    // "cats are fine now", "actually spiders are ok": a take-back only counts where the turn also names
    // something disliked before (src/core/extract/information.ts), so the bare form is safe here.
    /\b(?:is|are|'re|'s) (?:fine|ok|okay|alright|good)\b/i,
    // "show vehicles again", "bring the cats back".
    /\b(?:show|bring|give|want|see) (?:me )?(?:the |some )?[\p{L}-]+(?: [\p{L}-]+)? (?:again|back)\b/iu,
    /\b(?:i )?(?:don't|do not) mind\b/i,
    /\b(?:bring|show|put) (?:back|again)\b|\bback again\b/i,
    /\bchanged my mind about\b/i,
    /\b(?:i )?(?:like|want) (?:them|it|those) again\b/i,
  ],
  travelTopic: 'travel',
  tripWords: /^(?:travel(?:s|ed|led|ing|ling)?|trips?|journey|vacation(?:ing)?|holidays?|getaway|visit(?:s|ed|ing)?|backpacking|touring|sightseeing|staying|going|heading|flying|off|moving)$/i,
  origin: { before: ['from', 'leaving', 'departing from', 'out of'], after: [] },
  // "only the ones that fly", "just those which can swim", "the animals that live in the sea".
  impliedOccasions: [
    { pattern: new RegExp(`\\bturn(?:s|ed|ing)?\\s+(?:\\d{1,3}|${NUMBER_WORDS})\\b(?!\\s*(?:minutes?|degrees?|times?|pages?|percent|%))`, 'i'), occasion: 'birthday' },
    { pattern: /\b(?:getting|got|get) (?:married|engaged)\b/i, occasion: 'wedding' },
    // "my dad's 60th on saturday", "her 30th": an ordinal age is a birthday (not a floor, a place or a year of something).
    { pattern: /\b(?:my|his|her|their|our|[\p{L}]+'s)\s+(?:\d{1,3}(?:st|nd|rd|th)|sixtieth|fiftieth|fortieth|thirtieth|seventieth|eightieth|twenty-first|eighteenth|sixteenth)\b(?!\s+(?:floor|place|street|century|grade|time|anniversary|attempt|year|day))/iu, occasion: 'birthday' },
    { pattern: /\b(?:graduat(?:e|es|ed|ing))\b/i, occasion: 'graduation' },
    { pattern: /\b(?:having|had|expecting) a baby\b|\b(?:is|am|'m|are) pregnant\b/i, occasion: 'baby' },
    // A temperature is the weather it makes ("it's 38 degrees in here", "98 degrees out"), not a number:
    // 32-49 °C or 95-119 °F is heat, below zero is the cold. Not an angle ("turn 90 degrees").
    { pattern: /\b(?:(?:3[2-9]|4\d)\s*(?:°\s*c?|degrees?(?:\s+c(?:elsius)?)?)|(?:9[5-9]|1[01]\d)\s*(?:°\s*f?|degrees?(?:\s+f(?:ahrenheit)?)?))(?!\s*(?:angle|turn|rotation))/i, occasion: 'heatwave' },
    { pattern: /\b(?:below (?:zero|freezing)|minus \d{1,2}\s*(?:°|degrees?)|sub-?zero)\b/i, occasion: 'freezing' },
  ],
  refineProperty: [
    /\b(?:ones?|those|[\p{L}-]+s)\s+(?:that|which|who)\s+(?:(?:can(?:['’]?t|not| not)|could(?:n['’]?t| not)|do(?:n['’]?t| not)|does(?:n['’]?t| not)|are(?:n['’]?t| not)|is(?:n['’]?t| not)|never)\s+|can\s+|could\s+|do\s+|are\s+|is\s+|also\s+)?([\p{L}-]+(?:\s+(?:in|on|under|at)\s+(?:the\s+)?[\p{L}-]+)?)/iu,
    // "just the ones on the water", "only stuff for winter", "the things from the sea", "the ones with wings".
    /\b(?:ones?|those|stuff|things?)\s+(?:in|on|under|at|for|from|with|without)\s+(?:the\s+|a\s+|an\s+)?([\p{L}-]+)/iu,
    // "only the stuff you wear in winter", "just the ones you pluck", "the things people eat at a party",
    // "only instruments you blow into".
    /\b(?:ones?|those|stuff|things?|[\p{L}-]+s)\s+(?:that\s+|which\s+)?(?:you|we|people|i|they)\s+(?:can\s+|could\s+|would\s+|usually\s+)?([\p{L}-]+(?:\s+(?:in|on|under|at|during|for)\s+(?:the\s+|a\s+)?[\p{L}-]+)?)/iu,
    // "winter ones only", "only the summer ones": the property before "ones" (a colour there is read
    // by the picture's colours too, narrow.ts).
    /\b(?:only\s+|just\s+)?(?:the\s+)?([\p{L}-]+)\s+ones\b/iu,
    // "baked stuff only", "only warm things": stuff and things name a property only beside "only"
    // ("sports stuff" is a topic).
    /\b([\p{L}-]+)\s+(?:stuff|things)\s+only\b/iu,
    /\b(?:only|just)\s+(?:the\s+)?([\p{L}-]+)\s+(?:stuff|things)\b/iu,
    // A turn that only describes ("something warm", "anything smaller?", "what to wear in winter").
    new RegExp(`^${DESCRIBES_ONLY}${SOMETHING}(${DESCRIPTION})`, 'iu'),
    new RegExp(`^${DESCRIBES_ONLY}${WHAT_TO}(${WHAT_FOR})`, 'iu'),
  ],
  // A clause of its own may say it after another ("skip anything frozen, baked stuff only").
  // "just got promoted", "we just landed", "just finished my first marathon": a past verb after "just".
  toldRecent: /\bjust\s+(?:got|had|finished|moved|landed|arrived|started|graduated|passed|booked|bought|adopted|turned|married|quit|retired|joined|returned|woke|made|won|lost|came|went|broke|ran|ate|saw|found|heard|met|left|signed|sold|became|gave|took|failed|paid|spent|realized|learned|watched|completed|celebrated|proposed|gotten)\b/iu,
  narrowsShown: /(?:^|[,;.!]\s*)\W*(?:(?:ok(?:ay)?|and|but|now|hmm+|um+)[\s,]+)?(?:(?:only|just)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:ones?|those|stuff|things?)\b|(?:the\s+)?ones?\s+(?:with|without|that|which|in|on|from)\b|(?:the\s+)?[\p{L}-]+\s+(?:ones|stuff|things)\s+only\b)/iu,
  // A whole turn that only describes what to show: "something warm", "anything smaller?", "what to wear in winter".
  describesOnly: new RegExp(`^${DESCRIBES_ONLY}(?:${SOMETHING}${DESCRIPTION}|${WHAT_TO}${WHAT_FOR})\\W*(?:please|pls|plz)?\\W*$`, 'iu'),
  // "nothing with alcohol, i'm driving", "no nuts because my son is allergic", "skip the sweets, i'm on a diet";
  // unpunctuated too, where the user speaks of themselves mid-sentence ("no alcohol im driving").
  reasons: /(?:[,;:(]|\s-\s|\b(?:because|cause|cuz|coz|since)\b|\s(?=(?:i'?m|im|i am|i have to|i gotta)\s))\s*(?:because\s+|since\s+)?(?:i'?m|im|i am|i'll be|i have to|i've got to|i gotta|i need to|we'?re|we are|we have to|my\s+[\p{L}-]+\s+(?:is|are|has|have|can'?t)\b)[^,.;!?()]*/giu,
  // "only the ones that can't fly", "the ones that aren't spicy", "those without wings".
  refineNegated: /\b(?:ones?|those|[\p{L}-]+s)\s+(?:(?:that|which|who)\s+(?:can(?:['’]?t|not| not)|could(?:n['’]?t| not)|do(?:n['’]?t| not)|does(?:n['’]?t| not)|are(?:n['’]?t| not)|is(?:n['’]?t| not)|never)\b|without\b)/iu,
  // "more like the red one", "those blue ones".
  greetings: ['happy', 'merry', 'joyous', 'joyful', 'congrats', 'congratulations', 'wish', 'wishes', 'wishing'],
  wantsMore: /\b(?:more|another|others|similar|same|again|keep (?:them|'em|it) coming)\b/i,
  praises: /(?<!\b(?:not|n't|never)\s(?:so\s|that\s|very\s|really\s)?)\b(?:cute|cutest|adorable|aww+|love (?:it|this|these|those|them|that)|lovely|beautiful|pretty|gorgeous|nice|cool|awesome|amazing|great|perfect|wow|yay|excited|exciting|can'?t wait|so fun|fun)\b/i,
  settings: /\b(?:at|in|on|by|inside)\s+(?:the|a|an|my|our|his|her|their|this|that)\s+([\p{L}'-]+)(?:\s+([\p{L}'-]+))?/giu,
  causes: /\b(?:because of|due to|thanks to)\s+(?:(?:the|my|our|his|her|their|this|that|these|those|all|of)\s+)*([\p{L}'-]+)/giu,
  broken: /\b(?:the|my|our|his|her|their)\s+([\p{L}-]+?)(?:'s|’s|\s+is|\s+was|\s+has|\s+just)*\s+(?:out|broken|broke(?:\s+down)?|dead|died|down|busted|crashed|not working|stopped working|went out|gone out)\b(?!\s+of)/giu,
  likensShown: /\b(?:like (?:it|that|this|these|those|them|the last (?:one|ones))|similar|the same|same (?:kind|vibe|style|thing|stuff))\b/i,
  refuses: /\b(?:hate|hated|dislike|don'?t (?:like|want)|do not (?:like|want)|no more|not anymore|stop|enough|gross|scary|creep|boring|lame|ugly|not (?:these|those|them)|not for me|no thanks)/i,
  refersBack: /\b(?:they|them|those|these|they're|it's|it)\b/i,
  continues: /\b(?:though|too|also|as well|for (?:it|that|this|her|him|them|the (?:party|occasion|day|night|trip|event|holiday|holidays))|(?:get|bring|buy|give|send|make) (?:her|him)|from there|over there|while (?:i'?m |we'?re )?there|when (?:i'?m |we'?re )?there)\b/i,
  changeOfMind: /\b(?:actually|on second thought|second thoughts|changed my mind|take (?:that|it) back|jk|just kidding|kidding)\b/i,
  topicChange: /\b(?:switch(?:ing)? gears|chang(?:e|ing) (?:gears|the subject|topics?)|change of (?:subject|topic)|on (?:another|a different|an unrelated|a side) note|side note|(?:totally |completely |slightly )?(?:different|unrelated|separate) (?:topic|thing|question|matter|subject)|unrelated(?: but| question)?|separately|moving on)\b/i,
  retract: /^\W*(?:(?:ok(?:ay)?|oh|um+|hmm+|wait|no|nah|actually)[\s,.!]+)*(?:never\s?mind|nvm|nm|forget (?:that|it|about (?:that|it))|scratch that|not that|by the way|btw|anyway|anyways|oh right|speaking of which)\b/i,
  asks: /\b(?:show|give|send|find|get me|want|wanna|need|looking for|search|stickers?|emojis?|icons?|pics?|pictures?|images?|ideas?|suggest\w*|recommend\w*|some|any)\b|\?\s*$/i,
  demotesCircumstances: true,
  refersToShown: (text) => /\b(?:the|that|this|those|these)\s+[\p{L}-]+\s+ones?\b/iu.test(text),
};
