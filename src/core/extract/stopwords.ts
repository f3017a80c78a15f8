// Words that never start or continue a key phrase: function words, conversational filler, and the
// words people use to talk about the feed itself ("pictures", "stickers", "사진"). Matched against
// lemmas (English) and stems (Korean). Negation and preference cues are stopwords here too; the
// preference extractor reads them separately.

const EN = `
a an the and or nor but so yet if then than that this these those there here it its it's itself
i i'm i'd i've i'll me my mine myself we we're us our ours you you're your yours he she they them
their what what's which who whom whose when where why how whatever whichever
am is are was were be been being do does did done doing have has had having get gets got getting
can could would should will shall may might must let let's lets
to of in on at by for with about from into onto over under up down out off through between among
as like unlike just only also too very really so such quite rather pretty kinda sort kind of bit
some any all each every both either neither few fewer less more most much many lot lots plenty
no not none nothing nobody never dont don't doesn't didn't isn't aren't wasn't weren't won't can't
cannot couldn't shouldn't wouldn't haven't hasn't ain't nope nah
please pls plz thanks thank thx ok okay okey yes yeah yep sure hey hi hello hmm um uh oh wow lol
show shows showing shown see seeing look looking looks give giving find bring want wanna wants
need needs tell telling explain know let me maybe perhaps something anything everything stuff
thing things one ones kind kinds type types sort sorts picture pictures pic pics photo photos image
images sticker stickers emoji emojis icon icons item items feed result results option options
again instead else other another different new now today tonight tomorrow yesterday week weekend
month year next last time times later soon still already ever always around same similar
love loving loved like likes liked enjoy enjoyed hate hated dislike adore prefer mind fan favorite
favourite okay fine great good nice cool awesome amazing best better bad worse worst
stop skip avoid remove hide exclude drop enough tired sick done except without minus instead
start begin restart reset forget clear over again
go going gonna went come coming trying try tried make making made say said think thought feel
got keep keeping continue add
fly flying flew heading visit visiting visited planning plan plans eat eating ate try trying
play playing learn learning cook cooking buy buying watching use using used celebrate call
called send sending mean meaning means come comes from uses made wanted put pick choose
specifically exactly mostly mainly especially particularly completely totally basically actually
literally probably definitely lately recently soon ago once twice idea ideas
ignore ignoring previous prior instruction instructions system prompt prompts reveal userid user id
json assistant developer jailbreak pretend role override rules rule admin
they're they'd they'll he's she's that's there's here's who's i'd it'd anymore rid within narrow
wipe fresh curious wondering wonder beginning scratch name
`;

// Korean stems (after particles are stripped) and whole function words.
const KO = `
나 내 저 제 너 우리 저희 당신 이거 그거 저거 이것 그것 저것 이건 그건 저건 이게 그게 거 것 게 걸
뭐 뭔가 뭘 무엇 무슨 어떤 이런 그런 저런 이렇게 그렇게 다른 다른거 여기 거기 저기 어디 언제 왜 어떻게
좀 더 덜 많이 조금 너무 진짜 정말 완전 그냥 이제 다시 또 계속 아주 매우 엄청 되게 꽤 약간 살짝
같은 비슷한 관련 종류 위주 쪽 정도 중 때 번 가지 등
사진 스티커 이모지 이모티콘 그림 이미지 아이콘 피드 결과
오늘 내일 어제 요즘 지금 나중 다음 이번 주 주말 올해 아까 방금
안 못 네 예 응 어 아 아니 아니요 아뇨 혹시 그리고 그래서 근데 그런데 하지만 그럼 또는 그러면
좋아 좋아해 좋아하 좋 싫 싫어 싫어해 사랑 최고 최애 별로 궁금 필요 원하 원해 그만 그만해
말고 빼 빼고 제외 없이 대신 시작 처음 처음부터 초기화 리셋 다 전부 모두 모든 아무 아무거나
보 보여 보여주 보여줘 알려 알려주 찾 주 줘 줘요 주세요 해줘 하 할 했 싶 싶어 싶어요 보고
고마워 고맙 감사 감사합니다 안녕 안녕하세요 ㅋㅋ ㅎㅎ
곧 요새 최근 얼른 빨리 가끔 항상 자주 먼저 나중에 함께 같이 혼자 구경 준비 설명 추천 소개 생각 정리
이전 지시 무시 시스템 프롬프트 명령 규칙 관리자 사용자
건 건데 거야 거예요 거에요 건가요 대해 대해서 대한 관련된 관련해서 이상 않 않아 않아요 않은 않게
있 있어 있어요 있는 있나요 있을까 없어 없어요 없는 어때 어때요 어떄 뭘로 뭐로 잘 좋은 좋을 좋게
가 가요 가서 와 와요 봐 봐요 해 해요 해서 쓸 쓰는 할 볼 갈 먹을 만들 만들어 탈 들을 읽을 입을 찍을
좁혀 좁혀줘 줄 이름
좋다 좋아요 좋네 좋네요 좋습니다 좋았어 좋겠다 좋겠어 알려줘 알려줘요 알려주세요 알려줄래 보여줘요 보여주세요 싫다 싫어요 싫음
궁금해 궁금해요 궁금하다 궁금한데 궁금
취향 새로 새롭게 기록
`;

const words = (s: string) => new Set(s.split(/\s+/).filter((w) => w.length > 0));

export const ENGLISH_STOPWORDS: ReadonlySet<string> = words(EN);
export const KOREAN_STOPWORDS: ReadonlySet<string> = words(KO);

/** Korean chat noises made only of jamo ("ㅋㅋㅋ", "ㅠㅠ") carry no topic. */
const JAMO_ONLY = /^[\u3130-\u318f\u1100-\u11ff]+$/;

export function isStopword(lemma: string): boolean {
  return ENGLISH_STOPWORDS.has(lemma) || KOREAN_STOPWORDS.has(lemma) || JAMO_ONLY.test(lemma);
}
