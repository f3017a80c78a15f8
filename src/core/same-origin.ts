// The workers refuse any URL outside the site's own origin, and model names are names, not URLs.
// Pure: no DOM, no worker globals; callers pass the base (the page's or worker's location, or the
// models base URL it was given).

export type SameOriginErrorCode =
  | 'invalid-url' // not parseable as a URL (against the base)
  | 'invalid-base' // the base itself is not an absolute http(s) URL
  | 'foreign-origin' // parses, but to another origin or a non-http(s) scheme
  | 'invalid-model-name'; // a model name that is not a plain relative name

/** Thrown by the guards below; `code` is stable, `message` is for people. */
export class SameOriginError extends Error {
  override readonly name = 'SameOriginError';
  constructor(
    readonly code: SameOriginErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function show(value: unknown): string {
  const s = String(value);
  return JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}...` : s);
}

/**
 * Resolves `url` against `base` and returns it only if it has the base's origin and an http(s) scheme.
 * A relative path resolves to the base's origin; `//other.example/x`, `https://other.example/`,
 * `data:`, `blob:` and `javascript:` URLs are refused with code 'foreign-origin'.
 */
export function assertSameOriginUrl(url: string | URL, base: string | URL): URL {
  let b: URL;
  try {
    b = new URL(base);
  } catch {
    throw new SameOriginError('invalid-base', `The base ${show(base)} is not an absolute URL`);
  }
  if (b.protocol !== 'http:' && b.protocol !== 'https:') {
    throw new SameOriginError('invalid-base', `The base ${show(base)} is not an http(s) URL`);
  }
  let u: URL;
  try {
    u = new URL(url, b);
  } catch {
    throw new SameOriginError('invalid-url', `${show(url)} is not a URL`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== b.origin) {
    throw new SameOriginError('foreign-origin', `${show(url)} is outside this site (${b.origin})`);
  }
  return u;
}

// A name: segments of letters, digits, '.', '_' and '-', joined by single '/', like 'clip-mini' or
// 'Xenova/clip-vit-base-patch32'. No segment may be '.' or '..'; no scheme (':'), no leading '/', no
// '//', no '..' anywhere, no backslash, no '%' (no encoded tricks), no whitespace or control characters;
// each segment starts with a letter, digit or '_' (so no '.' segment or hidden file).
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const MAX_MODEL_NAME = 200;

/** Returns `name` unchanged if it is a plain model name, else throws SameOriginError 'invalid-model-name'. */
export function assertModelName(name: string): string {
  const bad = (why: string): never => {
    throw new SameOriginError('invalid-model-name', `${show(name)} is not a model name: ${why}`);
  };
  if (typeof name !== 'string' || name.length === 0) return bad('empty');
  if (name.length > MAX_MODEL_NAME) return bad('too long');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return bad('control character');
  if (name.includes('\\')) return bad('backslash');
  if (name.includes(':')) return bad('has a scheme or colon');
  if (name.includes('//')) return bad("has '//'");
  if (name.startsWith('/')) return bad('absolute path');
  if (name.includes('..')) return bad("has '..'");
  for (const seg of name.split('/')) {
    if (!SEGMENT.test(seg)) return bad(`segment ${show(seg)} has characters outside [A-Za-z0-9._-]`);
  }
  return name;
}
