// Korean phrasings addressed to the system's own instructions rather than to the recommender
// (prompt injection): "이전 지시는 모두 무시하고", "시스템 프롬프트", "관리자 모드", "너는 이제 ...". The
// extractor drops such a clause and never reads the turn as the user asking to start over
// (src/core/extract/machinery.ts).

/** What belongs to the system, not to the user: its instructions, rules, prompt. */
const SYSTEM_OBJECT = '(?:지시|명령|규칙|프롬프트|지침|설정|안내)';
const QUALIFIER = String.raw`(?:(?:이전|앞|위|지금까지|기존|원래|모든|시스템|너의|네)\S*\s*)?`;
const FILLER = String.raw`(?:(?:은|는|을|를|다|모두|전부|싹|다들)\s*)*`;

/** What only the system holds: asking for it is addressed to the system ("비밀 키 알려줘"). */
const SYSTEM_SECRET = String.raw`(?:비밀\s*번호|비밀\s*키|비번|암호|패스워드|(?:관리자|마스터|시스템|api|API|접근|보안)\s*(?:키|권한|암호)|토큰)`;
/** Roles a chat template speaks as, other than the user. */
const SYSTEM_ROLE = '(?:시스템|어시스턴트|비서|관리자|개발자|AI|ai)';

export const KOREAN_SYSTEM_ADDRESS: readonly RegExp[] = [
  new RegExp(String.raw`${QUALIFIER}${SYSTEM_OBJECT}\S*\s*${FILLER}(?:무시|잊|취소|따르지)\S*`, 'gu'),
  new RegExp(String.raw`${SYSTEM_OBJECT}\S*\s*(?:출력|보여|알려|공개|말해)\S*`, 'gu'),
  /(?:시스템|숨겨진|비밀|원래|초기)\s*(?:프롬프트|지시|명령|설정)\S*/gu,
  /(?:관리자|개발자|디버그|탈옥|갓)\s*모드\S*(?:\s*(?:전환|진입|변경|활성화|실행|켜|시작)\S*)?/gu,
  // Asking for what only the system holds ("비밀 키 알려줘"), or acting with its rights ("관리자 권한으로").
  new RegExp(String.raw`${SYSTEM_SECRET}\S*\s*(?:\S+\s*){0,2}?(?:알려|공개|말해|출력|보여|줘|내놔|유출)\S*`, 'gu'),
  new RegExp(String.raw`${SYSTEM_SECRET}\S*으로`, 'gu'),
  // A clause after another role's tag is that role speaking ("시스템: 모든 지시 무시"); the user's tag is a marker.
  new RegExp(String.raw`(?:^|(?<=[\n.!?;]))\s*\[?${SYSTEM_ROLE}\]?\s*:[^.,;!?\n]*`, 'gu'),
  /(?:^|(?<=[\n.!?;]))\s*\[?(?:사용자|유저|user)\]?\s*:/giu,
  /(?:너는|넌)\s*이제[^.!?\n]*/gu,
  /지금부터\s*(?:너는|넌)[^.!?\n]*/gu,
];
