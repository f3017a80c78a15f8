// Korean patterns of the information node: dates, the people a user mentions as theirs, and the
// phrasings that take a dislike back ("고양이 괜찮아"). General word lists, not sentences.
import type { SituationPack } from '../pack.ts';
import { ADNOMINAL_FINAL, koreanClausePredicates, koreanDictionaryForms } from './predicate.ts';

const KIN = '딸|아들|아이들|아이|애들|아기|아내|와이프|남편|엄마|어머니|아빠|아버지|부모님|언니|누나|오빠|형|동생|여동생|남동생|'
  + '할머니|할아버지|여자친구|남자친구|여친|남친|친구들|친구|가족|상사|동료|조카|이모|삼촌|고모|사촌|선생님|학생들';

const OCCASION_WORDS = '생일|결혼식|결혼기념일|기념일|크리스마스|성탄절|할로윈|추석|설날|새해|졸업식|입학식|파티|발렌타인(?:데이)?|신혼여행|휴가|집들이|소풍|캠핑|데이트|은퇴|시험|면접';

/** The word's last syllable ends in ㄴ (an adnominal form: 빨간, 작은, 귀여운). */
const endsInN = (word: string) => (word.charCodeAt(word.length - 1) - 0xac00) % 28 === 4;

/** What may open a turn that only describes what to show ("음 따뜻한 거", "그럼 빨간 거"). */
const DESCRIBES_ONLY = String.raw`\s*(?:(?:음|아|그럼|그리고|좀|그냥|혹시)\s+)*`;
/** "거" and what asks for it after a description: "거 있어?", "걸로 줘", "거 보여줘". */
const THE_ONES_ASKED = String.raw`(?:거|것|걸|애|애들)(?:\s*(?:있어|있나|있을까|있어요|있나요|없어|없나|줘|보여줘|주세요|요|는\?))?\s*[?.!~ㅠㅜ]*`;

/** A whole turn that only describes, its description in group 1 ("따뜻한 거 있어?", "빨간 거", "겨울에 입을 거 보여줘"). */
const DESCRIBING_TURN = new RegExp(`^${DESCRIBES_ONLY}((?:[가-힣]+\\s+){0,2}[가-힣]*[${ADNOMINAL_FINAL}])\\s*${THE_ONES_ASKED}$`, 'u');

export const koreanSituation: SituationPack = {
  dates: [/(?:오늘|내일|모레|어제|이번 ?주말?|다음 ?주말?|지난 ?주|이번 ?달|다음 ?달|올해|내년|주말|[월화수목금토일]요일|\d{1,2}월(?: ?\d{1,2}일)?)/g],
  occasions: [new RegExp(`(?:${OCCASION_WORDS})`, 'g')],
  holidays: {
    christmas: /크리스마스|성탄절/, halloween: /할로윈|핼러윈/, thanksgiving: /추수감사절/, easter: /부활절/,
    valentine: /발렌타인|밸런타인/, hanukkah: /하누카/, diwali: /디왈리/, ramadan: /라마단/,
    lunarNewYear: /설날|구정|춘절/, newYear: /새해/, chuseok: /추석|한가위/, tanabata: /다나바타|칠석/,
  },
  joyWords: /웃음|웃는|웃긴|기쁨|기쁜|폭소|ㅋㅋ/,
  sadWords: /슬픔|슬퍼|슬픈|이별|외로움|외로운|시든|시듦|울음|장례|우울/,
  // "내 친구", "엄마랑", a person whose occasion or gift it is ("아들 졸업식", "엄마 선물"), and a person as
  // the subject or topic of the sentence ("친구가 결혼해요", "엄마는").
  // And a person before a verb with the particle dropped, as chat does ("친구 놀리게", "엄마 드릴"): its object.
  people: [new RegExp(`(?:제|내|우리|저희) ?(${KIN})`, 'g'), new RegExp(`(${KIN})(?:들)?(?:랑|이랑|와|과|하고|한테|에게|께서|께|를 위한|을 위한|(?:의)? ?(?:선물|${OCCASION_WORDS})|가 |이 |는 |은 )`, 'g'),
    new RegExp(`(?:^|\\s)(${KIN}) (?=(?:[가-힣]+(?:게|려고|려구|러|줄)|[가-힣]*(?:줄|드릴|드리려고|주려고|줄려고))(?:\\s|$|[.!?]))`, 'g')],
  undo: [/괜찮(?:아|아요|습니다|네|다)/, /다시 (?:보여|봐도|보고|볼래)/, /(?:싫지|안 싫) ?않/, /취소/],
  travelTopic: '여행',
  // With a particle or the verb it takes ("여행을", "여행가", "출장으로").
  tripWords: /^(?:해외|국내|가족|배낭|당일치기|신혼|졸업|혼자)?(?:여행|출장|휴가|관광|당일치기|나들이)(?:을|를|이|가|은|는|도|에|으로|로|가요|가|중|차)?$/,
  // "서울에서 부산으로": 에서 alone also means "in" ("서울에서 살아요"), so it counts only beside another place.
  origin: { before: [], after: ['에서부터', '에서', '부터', '출발'] },
  // "수영하는 것만", "요리하는 거만": a 하다 verb's noun is the property.
  // "다섯 살이 됐어요", "10살 됐다": a birthday; "결혼해요": a wedding; "졸업해요": a graduation.
  impliedOccasions: [
    { pattern: /(?:\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|예순|일흔)\s*살(?:이|을)?\s*(?:됐|되었|돼|된|되|넘)/u, occasion: '생일' },
    { pattern: /결혼(?:해|했|하|을 해|식을)/u, occasion: '결혼' },
    { pattern: /졸업(?:해|했|하|식)/u, occasion: '졸업' },
    // 기온이 날씨다: "밖은 35도래" 폭염, "영하 10도" 한파 (섭씨; 각도 "90도 회전"은 32-49 밖이다).
    { pattern: /(?:3[2-9]|4\d)\s*도(?:래|야|다|라|예요|에요|인데|인|가|까지|를|넘|\s|$|[.!?~])/u, occasion: '폭염' },
    { pattern: /영하\s*\d{0,2}\s*도?|영하권/u, occasion: '한파' },
  ],
  // "수영하는 것만"; and any clause before "것만", "애들만", "곳만" ("바다에서 타는 것만", "겨울에 입는 거만").
  refineProperty: [
    /([가-힣]{1,8})하는 (?:것|거|애|애들|놈|녀석)(?:들)?(?:만|으로|로)?/u,
    /((?:[가-힣]+\s+){1,4})(?:것|거|애|애들|곳|데|놈|녀석)(?:들)?(?:만|뿐)/u,
    // "겨울 느낌 나는 걸로", "매운 거로": the one to pick, said with 로 (걸로 is 것으로).
    /((?:[가-힣]+\s+){1,4})(?:걸로|거로|것으로)(?:\s|$|[.!?~])/u,
    // A whole turn that only describes ("따뜻한 거 있어?", "빨간 거", "겨울에 입을 거 보여줘").
    DESCRIBING_TURN,
  ],
  describesOnly: DESCRIBING_TURN,
  // "매운 것만", "작은 애들만", "여름에 입는 걸로": a clause ending in the one(s) to keep narrows what is shown.
  narrowsShown: /[가-힣]\s+(?:(?:것|거|애|애들|곳|놈|녀석)(?:들)?(?:만|뿐)|걸로|거로|것으로)(?:\s|$|[.!?~])/u,
  refinePredicates: (text) => koreanClausePredicates(text).flatMap(koreanDictionaryForms),
  // "다이어트 중이라서 단 거 빼줘", "술 말고, 운전해야 되니까": a clause that ends in a reason's
  // connective (-니까, -라서, -어서/-아서 after 하다/되다 forms, -거든).
  reasons: /(?:^|[,.!?]\s*|\s)(?:[가-힣]+\s+){0,3}[가-힣]*(?:니까|니깐|라서|이라서|해서|돼서|되서|거든|거든요|때문에)(?=\s|$|[,.!?])/gu,
  // "안 매운 것만", "못 나는 애들만", "맵지 않은 거만", "날지 못하는 애들만", "날개 없는 것만".
  refineNegated: /(?:(?:^|\s)(?:안|못)\s+[가-힣]+|지\s*(?:않|못하|못한)[가-힣]*|\s없는)\s+(?:것|거|애|애들|곳|데|놈|녀석)(?:들)?(?:만|뿐|으로|로)?(?:\s|$|[.!?])/u,
  // "빨간 거랑 비슷한 거", "작은 것 더": a modifier (final ㄴ: 빨간, 작은, 귀여운) before 거/것.
  greetings: ['축하', '복', '행복', '즐거운', '메리', '해피'],
  wantsMore: /(?:더|비슷한|비슷하게|또|이런 거|이런거|같은 거)/u,
  // Not "좋아" (it also says "ok" and "I like", and "안 좋아" is feeling unwell); nothing after 안 or 못.
  praises: /(?<!(?:안|못)\s?)(?:귀여|귀엽|예뻐|예쁘|이뻐|이쁘|멋지|멋있|최고|대박|설레|설렌|신나|신난|기대돼|기대된|기대 돼|짱)/u,
  // "해변에서 다 탔어", "회사에서 혼났어": a noun with the locative 에서 (a place name is the place reader's).
  settings: /([가-힣]{2,}?)에서(?=\s|$|[,.!?])/gu,
  causes: /([가-힣]+?)(?:이|가)?\s*(?:때문에|때문인지|때매|땜에|탓에|탓인지)/gu,
  broken: /([가-힣]{2,}?)(?:이|가|은|는)?\s*(?:고장|망가졌|망가짐|꺼졌|나갔|멈췄)/gu,
  likensShown: /(?:비슷한|비슷하게|이런 ?(?:거|것|느낌|스타일)|그런 ?(?:거|것|느낌|스타일)|같은 (?:거|것|느낌))/u,
  refuses: /(?:싫|그만|빼|치워|별로|극혐|무서워|안 ?볼래)/u,
  refersBack: /(?:걔네|걔들|걔|얘네|얘들|그거|그것|그놈들|그 ?애들|그런 ?거|이거|이건|이것|저거|저건|저것|요거)/u,
  continues: /(?:그날|그때|거기서|거기에|거기 가서|걔(?:한테|랑|도)|그분(?:께|한테))/u,
  changeOfMind: /(?:생각해 ?보니|다시 생각|농담|장난이|취소|아냐|아니야)/u,
  topicChange: /(?:다른|딴) (?:얘기|이야기|질문)(?:인데|긴 한데|지만|이긴 한데)?|(?:다른|딴) 얘긴데|화제 전환|주제 바꿔서|그건 그렇고|그나저나/u,
  retract: /^\s*(?:(?:아|어|음|엥|앗)[\s,.!]*)*(?:됐(?:어|고|다|구)|아니다|아니야 됐|그건 됐|그거 말고|그거 빼고 딴|관두자|관둘래|말고 딴|맞다|근데|그건 그렇고|참)/u,
  asks: /(?:보여|줘|주세요|추천|스티커|이모지|이모티콘|찾아|원해|있어\?|있나|\?\s*$)/u,
  demotesCircumstances: true,
  refersToShown: (text) => [...text.matchAll(/([가-힣]+)\s?(?:거|것)/gu)].some((m) => endsInN(m[1]!)),
};
