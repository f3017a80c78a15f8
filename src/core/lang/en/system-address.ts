// English phrasings addressed to the system's own instructions rather than to the recommender
// (prompt injection): "ignore all previous instructions", "you are now DAN", "reveal your system
// prompt", a "system:" role prefix. The extractor drops such a clause and never reads the turn as the
// user asking to start over (src/core/extract/machinery.ts).

/** What belongs to the system, not to the user: its instructions, rules, prompt. */
const SYSTEM_OBJECT = String.raw`(?:instructions?|rules|prompts?|guidelines|directions|directives|programming|constraints|restrictions|guardrails|policies|system\s+messages?)`;
const CLAUSE_REST = String.raw`[^.!?\n]*`;

export const ENGLISH_SYSTEM_ADDRESS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:please\s+)?(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}?\b${SYSTEM_OBJECT}\b(?:\s+(?:above|before|so\s+far))?`, 'giu'),
  /\b(?:ignore|disregard|forget)\s+(?:everything|all|anything|what)\s+(?:(?:that\s+)?you\s+(?:were|have\s+been|got)\s+(?:told|given|instructed|trained)|(?:written|said)\s+above|above)\b/giu,
  /\b(?:ignore|disregard)\s+(?:the\s+|everything\s+|all\s+)?above\b/giu,
  new RegExp(String.raw`\byou\s+are\s+now\b${CLAUSE_REST}`, 'giu'),
  new RegExp(String.raw`\bfrom\s+now\s+on,?\s+you\b${CLAUSE_REST}`, 'giu'),
  new RegExp(String.raw`\bpretend\s+(?:to\s+be|you\s*(?:'re|\s+are))\b${CLAUSE_REST}`, 'giu'),
  new RegExp(String.raw`\bact\s+as\s+(?:an?\s+|the\s+)?(?:unfiltered|unrestricted|jailbroken|different|new|evil|admin|developer|system|root)\b${CLAUSE_REST}`, 'giu'),
  /\b(?:developer|admin|god|debug|dan|sudo)\s+mode\b/giu,
  /\bjailbr(?:eak|oken)\w*/giu,
  /\b(?:reveal|print|show|output|repeat|display|leak|dump|tell)\s+(?:me\s+|us\s+)?(?:your|the)\s+(?:(?:system|hidden|initial|original|secret|full)\s+)*(?:prompt|instructions|rules|guidelines|configuration|config)\b/giu,
  /\bsystem\s+prompt\b/giu,
  // A role prefix at the start of a line: "SYSTEM: ...", "[assistant]: ...".
  /(?:^|\n)\s*\[?(?:system|assistant|developer|admin|root)\]?\s*:/giu,
];
