import { describe, expect, test } from 'vitest';
import { SameOriginError, assertModelName, assertSameOriginUrl } from '../../../src/core/same-origin.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SameOriginError);
    return (e as SameOriginError).code;
  }
  return undefined;
}

const BASE = 'http://127.0.0.1:4173/app/models/';

describe('assertSameOriginUrl', () => {
  test.each([
    ['clip-mini/identity.json', 'http://127.0.0.1:4173/app/models/clip-mini/identity.json'],
    ['/app/models/x.bin', 'http://127.0.0.1:4173/app/models/x.bin'],
    ['../index.html', 'http://127.0.0.1:4173/app/index.html'],
    ['http://127.0.0.1:4173/other', 'http://127.0.0.1:4173/other'],
    ['?v=1', 'http://127.0.0.1:4173/app/models/?v=1'],
  ])('accepts %s', (url, want) => {
    expect(assertSameOriginUrl(url, BASE).href).toBe(want);
  });

  test('accepts URL objects for both arguments', () => {
    expect(assertSameOriginUrl(new URL('x.json', BASE), new URL(BASE)).href).toBe(`${BASE}x.json`);
  });

  test.each([
    'https://evil.example/model.onnx',
    '//evil.example/model.onnx',
    '\\\\evil.example/x', // browsers and WHATWG URL read backslashes as slashes
    'http://127.0.0.1:4174/x', // another port is another origin
    'https://127.0.0.1:4173/x', // another scheme is another origin
    'http://localhost:4173/x',
    'data:text/javascript,alert(1)',
    'blob:http://127.0.0.1:4173/1234',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ws://127.0.0.1:4173/x',
  ])('refuses %s as foreign-origin', (url) => {
    expect(codeOf(() => assertSameOriginUrl(url, BASE))).toBe('foreign-origin');
  });

  test('an unparseable URL is invalid-url', () => {
    expect(codeOf(() => assertSameOriginUrl('http://[::1', BASE))).toBe('invalid-url');
  });

  test.each(['models/', '', 'data:,x', 'file:///srv/', 'not a url'])('refuses the base %j as invalid-base', (base) => {
    expect(codeOf(() => assertSameOriginUrl('x.json', base))).toBe('invalid-base');
  });

  test('the error is typed and names the origin', () => {
    try {
      assertSameOriginUrl('https://evil.example/', BASE);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as SameOriginError).name).toBe('SameOriginError');
      expect((e as Error).message).toContain('http://127.0.0.1:4173');
    }
  });
});

describe('assertModelName', () => {
  test.each(['clip-mini', 'Xenova/clip-vit-base-patch32', 'org_1/model.v2', 'a', 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC'])('accepts %s', (name) => {
    expect(assertModelName(name)).toBe(name);
  });

  test.each([
    'https://evil.example/model',
    'http:evil.example',
    'data:application/json,{}',
    'javascript:alert(1)',
    'c:/models',
    '//evil.example/model',
    'a//b',
    '/abs/model',
    '../secret',
    'a/../../b',
    'a/..',
    'clip..mini',
    './clip-mini',
    'a/./b',
    '.hidden',
    'a\\b',
    '..\\..\\x',
    'clip\u0000mini',
    'clip\nmini',
    'clip\u007fmini',
    'clip\u0085mini',
    'clip mini',
    'clip%2F..%2Fx',
    'model?x=1',
    'model#frag',
    'a/',
    '',
    'x'.repeat(201),
  ])('refuses %j', (name) => {
    expect(codeOf(() => assertModelName(name))).toBe('invalid-model-name');
  });

  test('refuses a non-string at run time', () => {
    expect(codeOf(() => assertModelName(42 as unknown as string))).toBe('invalid-model-name');
  });
});
