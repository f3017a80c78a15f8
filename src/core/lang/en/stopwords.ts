// English words that never start or continue a key phrase: function words, conversational filler,
// and the words people use to talk about the feed itself ("pictures", "stickers"). Matched against
// lemmas. Negation and preference cues are stop words here too; the preference finder reads them
// separately (./preferences.ts).

/** "eid mubarak everyone!": whoever is addressed, never a topic (the knowledge layer read "everyone" as friends). */
const PEOPLE_PRONOUNS = 'everyone everybody anyone anybody someone somebody nobody';

const EN = `
a an the and or nor but so yet if then than that this these those there here it its it's itself
i i'm im i'd i've ive i'll me my mine myself we we're us our ours you you're your yours he she they them
her hers herself him his himself themselves yourself yourselves ourselves
their what what's which who whom whose when where why how whatever whichever
am is are was were be been being do does did done doing have has had having get gets got getting
can could would should will shall may might must let let's lets
to of in on at by for with about from into onto over under up down out off through between among
after before during since until till while near behind beside besides across along toward towards
against upon via per beyond
as like unlike just only also too very really so such quite rather pretty kinda sort kind of bit
some any all each every both either neither few fewer less more most much many lot lots plenty
no not none nothing nobody never dont don't doesn't didn't isn't aren't wasn't weren't won't can't
cannot couldn't shouldn't wouldn't haven't hasn't ain't nope nah
cant doesnt didnt isnt arent wasnt werent wont couldnt shouldnt wouldnt havent hasnt aint
please pls plz thanks thank thx ok okay okey yes yeah yep sure hey hi hello hmm um uh oh wow lol
need needs tell telling explain know let me maybe perhaps something anything everything stuff
${PEOPLE_PRONOUNS} y'all yall guys folks
thing things one ones kind kinds type types sort sorts picture pictures pic pics photo photos image
images sticker stickers emoji emojis icon icons item items feed result results option options
again instead else other another different new now today tonight tomorrow yesterday week weekend
month year next last time times later soon still already ever always around same similar
favourite okay fine great good nice cool awesome amazing best better bad worse worst
enough tired sick done except without minus instead
start begin restart reset forget clear over again
go going gonna went come coming trying try tried make making made say said think thought feel feels feeling felt
got keep keeping continue add
fly flying flew heading visit visiting visited planning plan plans eat eating ate try trying
move moving moved relocate relocating relocated
play playing learn learning cook cooking buy buying watching use using used celebrate call
called send sending share sharing mean meaning means come comes from uses made wanted put pick choose
specifically exactly mostly mainly especially particularly completely totally basically actually
literally probably definitely lately recently soon ago once twice idea ideas
ignore ignoring previous prior instruction instructions system prompt prompts reveal userid user id
json assistant developer jailbreak pretend role override rules rule admin
schemaversion keyphrase keyphrases html script src href img div iframe onerror onload
they're they'd they'll he's she's that's there's here's who's i'd it'd anymore rid within narrow
wipe fresh curious wondering wonder beginning scratch name back take taking took teach even
barely hardly absolutely literally totally seriously honestly finally kinda sorta basically almost nearly
super extremely incredibly way hour hours minute minutes second seconds whole entire
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays
`;

/**
 * How people react to what they see ("nice", "perfect", "awesome, thanks"): a verdict on the feed, never
 * what they want next. Stop words, and never read by the knowledge layer either, which otherwise took
 * "awesome" for awful, "great" for large and "cool" for cold, and moved the feed on a thank-you.
 */
const REACTIONS = `
great good nice cool awesome amazing wonderful lovely perfect fantastic excellent brilliant superb terrific
fabulous neat fine alright best better bad worse worst awful terrible horrible meh thanks thank
`;

/**
 * The words that steer the feed (asking, liking, refusing: "show", "love", "hate", "stop", "miss"): what
 * they steer is the topic, they are not. Stop words, and never read by the knowledge layer either:
 * "stop showing cars" showed raised hands for "stop -> halt", "I hate spiders" people for "hater";
 * "similar stuff pls" replied "more identical picks" ("similar -> identical").
 */
const CUES = `
show shows showing shown see seeing look looking looks give giving find bring want wanna wants
love loving loved like likes liked enjoy enjoyed hate hated hating dislike dislikes adore prefer mind fan favorite miss missing
stop stopped skip avoid remove hide exclude drop guess suppose actually forget forgot forgotten
creep creeps freak freaks scare scares
start begin restart reset clear ignore
similar similarly alike same identical different
`;

/**
 * Words that join a message to the one before it ("what should i bring as a gift though?", "anyway. haven't
 * moved in forty minutes", "unrelated but my phone is dying"): how the turn relates, never what it is
 * about. "though" had been a topic (the thought balloon), "anyway" a key phrase beside a traffic jam.
 */
const CONNECTIVES = `
though although however anyway anyways anyhow unrelated meanwhile otherwise whereas therefore thus hence
`;

/** Interjections ("ugh", "oh wait", "lol"): the knowledge layer read "wait" as halt. */
const INTERJECTIONS = `
ugh argh meh omg omfg welp phew yay oops nvm nm tbh idk lmao rofl haha hahaha aw aww awww wait
`;

/** The app's own state ("clear my preferences"): the knowledge layer read "preferences" as taste and salt. */
const APP_STATE = `
preference preferences setting settings
`;

const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);
export const ENGLISH_REACTIONS: ReadonlySet<string> = new Set(words(REACTIONS));
export const ENGLISH_CUES: ReadonlySet<string> = new Set(words(CUES));
/** Words about the feed or the chat, not the world: a reaction, a cue that steers it, an interjection. */
export const ENGLISH_PEOPLE_PRONOUNS: ReadonlySet<string> = new Set(words(PEOPLE_PRONOUNS));
export const ENGLISH_FEED_TALK: ReadonlySet<string> = new Set([...ENGLISH_REACTIONS, ...ENGLISH_CUES, ...words(CONNECTIVES), ...words(INTERJECTIONS), ...words(APP_STATE)]);
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([...words(EN), ...ENGLISH_FEED_TALK]);
