// A reader for R's serialization format (XDR, versions 2 and 3) and for R's lazy-load databases
// (`Rdata.rdx` + `Rdata.rdb`, how installed packages keep their datasets), so build tools can read
// datasets shipped as Debian `r-cran-*` packages without R. Reads data, not code: closures, byte code
// and external pointers are refused with a clear error.
//
// Format reference: R's src/main/serialize.c (OutItem/InItem) and src/library/base/R/lazyload.R.
import { readFileSync } from 'node:fs';
import { inflateSync, unzipSync } from 'node:zlib';

/** An R value, as far as data needs it. Attributes (names, class, levels, row.names) kept by name. */
export type RValue =
  | { type: 'null' }
  | { type: 'symbol'; name: string }
  | { type: 'logical'; data: (boolean | null)[]; attributes: RAttributes }
  | { type: 'integer'; data: Int32Array; attributes: RAttributes }
  | { type: 'double'; data: Float64Array; attributes: RAttributes }
  | { type: 'complex'; data: Float64Array; attributes: RAttributes }
  | { type: 'character'; data: (string | null)[]; attributes: RAttributes }
  | { type: 'list'; data: RValue[]; attributes: RAttributes }
  | { type: 'raw'; data: Uint8Array; attributes: RAttributes }
  | { type: 'pairlist'; data: { tag: string | null; value: RValue }[]; attributes: RAttributes }
  | { type: 'environment'; frame: Map<string, RValue>; attributes: RAttributes }
  | { type: 'special'; name: string };

export type RAttributes = ReadonlyMap<string, RValue>;

/** R's NA for integers (and factors): INT_MIN. */
export const NA_INTEGER = -2147483648;

export class RDataError extends Error {
  override name = 'RDataError';
}

// SEXP types (serialize.c / Rinternals.h).
const NILSXP = 0;
const SYMSXP = 1;
const LISTSXP = 2;
const CLOSXP = 3;
const ENVSXP = 4;
const PROMSXP = 5;
const LANGSXP = 6;
const SPECIALSXP = 7;
const BUILTINSXP = 8;
const CHARSXP = 9;
const LGLSXP = 10;
const INTSXP = 13;
const REALSXP = 14;
const CPLXSXP = 15;
const STRSXP = 16;
const DOTSXP = 17;
const VECSXP = 19;
const EXPRSXP = 20;
const BCODESXP = 21;
const EXTPTRSXP = 22;
const WEAKREFSXP = 23;
const RAWSXP = 24;
const S4SXP = 25;
// Pseudo-types used only in the stream.
const REFSXP = 255;
const NILVALUE_SXP = 254;
const GLOBALENV_SXP = 253;
const UNBOUNDVALUE_SXP = 252;
const MISSINGARG_SXP = 251;
const BASENAMESPACE_SXP = 250;
const NAMESPACESXP = 249;
const PACKAGESXP = 248;
const PERSISTSXP = 247;
const EMPTYENV_SXP = 242;
const BASEENV_SXP = 241;
const ATTRLANGSXP = 240;
const ATTRLISTSXP = 239;
const ALTREP_SXP = 238;

const IS_OBJECT_BIT = 1 << 8;
const HAS_ATTR_BIT = 1 << 9;
const HAS_TAG_BIT = 1 << 10;
const NO_ATTRIBUTES: RAttributes = new Map();
const NULL_VALUE: RValue = { type: 'null' };

class XdrInput {
  private pos = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.pos + n > this.bytes.byteLength) {
      throw new RDataError(`Truncated R data: need ${n} bytes at offset ${this.pos} of ${this.bytes.byteLength}`);
    }
  }
  int(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, false);
    this.pos += 4;
    return v;
  }
  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, false);
    this.pos += 8;
    return v;
  }
  raw(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** A vector length: -1 announces a long vector (two ints follow). */
  length(): number {
    const n = this.int();
    if (n !== -1) {
      if (n < 0) throw new RDataError(`Corrupt R data: negative length ${n}`);
      return n;
    }
    const hi = this.int();
    const lo = this.int();
    const len = hi * 2 ** 32 + (lo >>> 0);
    if (!Number.isSafeInteger(len)) throw new RDataError('Corrupt R data: long vector length out of range');
    return len;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const latin1 = new TextDecoder('latin1');
const LATIN1_MASK = 1 << 2;

class Unserializer {
  private readonly refs: RValue[] = [];
  constructor(private readonly input: XdrInput) {}

  private attrsFrom(flags: number): RAttributes {
    return flags & HAS_ATTR_BIT ? this.attributes() : NO_ATTRIBUTES;
  }

  private attributes(): RAttributes {
    const v = this.item();
    if (v.type === 'null') return NO_ATTRIBUTES;
    if (v.type !== 'pairlist') throw new RDataError(`Corrupt R data: attributes are a ${v.type}, not a pairlist`);
    const out = new Map<string, RValue>();
    for (const { tag, value } of v.data) if (tag !== null) out.set(tag, value);
    return out;
  }

  private charsxp(flags: number): string | null {
    const n = this.input.int();
    if (n === -1) return null; // NA_STRING
    if (n < 0) throw new RDataError(`Corrupt R data: CHARSXP length ${n}`);
    const bytes = this.input.raw(n);
    const levels = flags >> 12;
    return levels & LATIN1_MASK ? latin1.decode(bytes) : utf8.decode(bytes);
  }

  private symbolName(): string {
    const v = this.item();
    if (v.type === 'symbol') return v.name;
    if (v.type === 'character' && v.data.length === 1 && v.data[0] != null) return v.data[0];
    throw new RDataError(`Corrupt R data: expected a symbol, got ${v.type}`);
  }

  /** PERSISTSXP / PACKAGESXP / NAMESPACESXP carry a string vector written without a header. */
  private stringVecNoHeader(): string[] {
    if (this.input.int() !== 0) throw new RDataError('Corrupt R data: string vector marker');
    const n = this.input.int();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = this.item();
      out.push(s.type === 'character' ? (s.data[0] ?? '') : '');
    }
    return out;
  }

  /** A pairlist-like chain read iteratively (long pairlists would overflow the stack otherwise). */
  private pairlist(firstFlags: number): RValue {
    const data: { tag: string | null; value: RValue }[] = [];
    let attributes: RAttributes = NO_ATTRIBUTES;
    let flags = firstFlags;
    let first = true;
    for (;;) {
      const attrs = this.attrsFrom(flags);
      if (first) attributes = attrs;
      first = false;
      const tag = flags & HAS_TAG_BIT ? this.symbolName() : null;
      const value = this.item();
      data.push({ tag, value });
      flags = this.input.int();
      const t = flags & 0xff;
      if (t === NILVALUE_SXP) break;
      if (t !== LISTSXP && t !== LANGSXP && t !== ATTRLISTSXP && t !== ATTRLANGSXP && t !== DOTSXP) {
        // A dotted tail: keep it as an untagged last element.
        data.push({ tag: null, value: this.itemWithFlags(flags) });
        break;
      }
    }
    return { type: 'pairlist', data, attributes };
  }

  item(): RValue {
    return this.itemWithFlags(this.input.int());
  }

  private itemWithFlags(flags: number): RValue {
    const type = flags & 0xff;
    switch (type) {
      case NILVALUE_SXP:
      case NILSXP:
        return NULL_VALUE;
      case EMPTYENV_SXP:
      case BASEENV_SXP:
      case GLOBALENV_SXP:
      case BASENAMESPACE_SXP:
        return { type: 'environment', frame: new Map(), attributes: NO_ATTRIBUTES };
      case UNBOUNDVALUE_SXP:
      case MISSINGARG_SXP:
        return NULL_VALUE;
      case REFSXP: {
        let index = flags >> 8;
        if (index === 0) index = this.input.int();
        const v = this.refs[index - 1];
        if (!v) throw new RDataError(`Corrupt R data: reference ${index} of ${this.refs.length}`);
        return v;
      }
      case PERSISTSXP: {
        const names = this.stringVecNoHeader();
        const v: RValue = { type: 'character', data: names, attributes: NO_ATTRIBUTES };
        this.refs.push(v);
        return v;
      }
      case SYMSXP: {
        const name = this.item();
        const v: RValue = {
          type: 'symbol',
          name: name.type === 'character' ? (name.data[0] ?? '') : '',
        };
        this.refs.push(v);
        return v;
      }
      case PACKAGESXP:
      case NAMESPACESXP: {
        const info = this.stringVecNoHeader();
        const v: RValue = { type: 'character', data: info, attributes: NO_ATTRIBUTES };
        this.refs.push(v);
        return v;
      }
      case ENVSXP: {
        this.input.int(); // locked
        const env: { type: 'environment'; frame: Map<string, RValue>; attributes: RAttributes } = {
          type: 'environment',
          frame: new Map(),
          attributes: NO_ATTRIBUTES,
        };
        this.refs.push(env); // before the contents: they may refer back to it
        this.item(); // enclosure
        const frame = this.item();
        const hashtab = this.item();
        env.attributes = this.attributes();
        const bind = (v: RValue) => {
          if (v.type === 'pairlist') for (const { tag, value } of v.data) if (tag !== null) env.frame.set(tag, value);
        };
        bind(frame);
        if (hashtab.type === 'list') for (const bucket of hashtab.data) bind(bucket);
        return env;
      }
      case LISTSXP:
      case LANGSXP:
      case DOTSXP:
      case ATTRLISTSXP:
      case ATTRLANGSXP:
        return this.pairlist(flags);
      case CLOSXP:
      case PROMSXP:
        throw new RDataError(`Unsupported R data: ${type === CLOSXP ? 'a function' : 'a promise'} (code, not data)`);
      case SPECIALSXP:
      case BUILTINSXP: {
        const n = this.input.int();
        return { type: 'special', name: utf8.decode(this.input.raw(n)) };
      }
      case CHARSXP: {
        const s = this.charsxp(flags);
        return { type: 'character', data: [s], attributes: NO_ATTRIBUTES };
      }
      case LGLSXP: {
        const n = this.input.length();
        const data: (boolean | null)[] = new Array<boolean | null>(n);
        for (let i = 0; i < n; i++) {
          const x = this.input.int();
          data[i] = x === NA_INTEGER ? null : x !== 0;
        }
        return { type: 'logical', data, attributes: this.attrsFrom(flags) };
      }
      case INTSXP: {
        const n = this.input.length();
        const data = new Int32Array(n);
        for (let i = 0; i < n; i++) data[i] = this.input.int();
        return { type: 'integer', data, attributes: this.attrsFrom(flags) };
      }
      case REALSXP: {
        const n = this.input.length();
        const data = new Float64Array(n);
        for (let i = 0; i < n; i++) data[i] = this.input.double();
        return { type: 'double', data, attributes: this.attrsFrom(flags) };
      }
      case CPLXSXP: {
        const n = this.input.length();
        const data = new Float64Array(2 * n);
        for (let i = 0; i < 2 * n; i++) data[i] = this.input.double();
        return { type: 'complex', data, attributes: this.attrsFrom(flags) };
      }
      case STRSXP: {
        const n = this.input.length();
        const data: (string | null)[] = new Array<string | null>(n);
        for (let i = 0; i < n; i++) {
          const f = this.input.int();
          if ((f & 0xff) !== CHARSXP) throw new RDataError(`Corrupt R data: string element of type ${f & 0xff}`);
          data[i] = this.charsxp(f);
        }
        return { type: 'character', data, attributes: this.attrsFrom(flags) };
      }
      case VECSXP:
      case EXPRSXP: {
        const n = this.input.length();
        const data: RValue[] = new Array<RValue>(n);
        for (let i = 0; i < n; i++) data[i] = this.item();
        return { type: 'list', data, attributes: this.attrsFrom(flags) };
      }
      case RAWSXP: {
        const n = this.input.length();
        return { type: 'raw', data: this.input.raw(n).slice(), attributes: this.attrsFrom(flags) };
      }
      case S4SXP:
        return { type: 'list', data: [], attributes: this.attrsFrom(flags) };
      case EXTPTRSXP:
      case WEAKREFSXP:
      case BCODESXP:
        throw new RDataError(`Unsupported R data: SEXP type ${type} (pointers and byte code are not data)`);
      case ALTREP_SXP:
        return this.altrep();
      default:
        throw new RDataError(`Corrupt R data: unknown SEXP type ${type}`);
    }
  }

  /** ALTREP objects (R >= 3.5) written in their compact form: expanded to ordinary vectors. */
  private altrep(): RValue {
    const info = this.item();
    const state = this.item();
    const attributes = this.attributes();
    const cls = info.type === 'pairlist' && info.data[0]?.value.type === 'symbol' ? info.data[0].value.name : '';
    switch (cls) {
      case 'compact_intseq':
      case 'compact_realseq': {
        if (state.type !== 'double' || state.data.length !== 3) throw new RDataError(`Corrupt R data: ${cls} state`);
        const [n, start, step] = state.data as unknown as [number, number, number];
        const out = cls === 'compact_intseq' ? new Int32Array(n) : new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = start + i * step;
        return out instanceof Int32Array
          ? { type: 'integer', data: out, attributes }
          : { type: 'double', data: out, attributes };
      }
      case 'deferred_string': {
        // state = pairlist(original vector, scalar info); expand the original as character.
        const original = state.type === 'pairlist' ? state.data[0]?.value : undefined;
        if (original?.type === 'integer') {
          return { type: 'character', data: Array.from(original.data, (x) => (x === NA_INTEGER ? null : String(x))), attributes };
        }
        if (original?.type === 'double') {
          return { type: 'character', data: Array.from(original.data, (x) => (Number.isNaN(x) ? null : String(x))), attributes };
        }
        throw new RDataError('Unsupported R data: deferred_string over a non-numeric vector');
      }
      default:
        if (cls.startsWith('wrap_') && state.type === 'pairlist' && state.data[0]) {
          const inner = state.data[0].value;
          return 'attributes' in inner && attributes.size > 0 ? { ...inner, attributes } as RValue : inner;
        }
        throw new RDataError(`Unsupported R data: ALTREP class "${cls}"`);
    }
  }
}

/** Decodes one R serialization stream (the bytes after decompression), XDR format, version 2 or 3. */
export function unserialize(bytes: Uint8Array): RValue {
  if (bytes.byteLength < 2 || bytes[0] !== 0x58 || bytes[1] !== 0x0a) {
    const head = String.fromCharCode(...bytes.subarray(0, 2));
    throw new RDataError(`Not XDR R serialization (header "${head}"; only format "X\\n" is supported)`);
  }
  const input = new XdrInput(bytes.subarray(2));
  const version = input.int();
  input.int(); // writer R version
  input.int(); // minimal reader R version
  if (version === 3) {
    const n = input.int();
    input.raw(n); // native encoding name
  } else if (version !== 2) {
    throw new RDataError(`Unsupported R serialization version ${version}`);
  }
  return new Unserializer(input).item();
}

/** Decompresses one lazy-load record: 4-byte big-endian uncompressed length, then zlib (type 1). */
export function inflateLazyLoadRecord(record: Uint8Array): Uint8Array {
  if (record.byteLength < 5) throw new RDataError('Truncated lazy-load record');
  const expected = new DataView(record.buffer, record.byteOffset, 4).getUint32(0, false);
  const body = record.subarray(4);
  // R's types 2 (bzip2) and 3 (xz) put a type byte here; zlib streams start with 0x78.
  if (body[0] !== 0x78) {
    throw new RDataError(`Unsupported lazy-load compression (first byte 0x${(body[0] ?? 0).toString(16)})`);
  }
  const out = new Uint8Array(inflateSync(body));
  if (out.byteLength !== expected) {
    throw new RDataError(`Lazy-load record inflated to ${out.byteLength} bytes, header says ${expected}`);
  }
  return out;
}

function namedList(v: RValue): Map<string, RValue> {
  if (v.type !== 'list') throw new RDataError(`Expected a named list, got ${v.type}`);
  const names = v.attributes.get('names');
  if (!names || names.type !== 'character') throw new RDataError('Expected a named list, names missing');
  const out = new Map<string, RValue>();
  v.data.forEach((x, i) => out.set(names.data[i] ?? '', x));
  return out;
}

/** The objects a lazy-load database holds: name -> [offset, length] in the .rdb file. */
export function readLazyLoadIndex(rdxBytes: Uint8Array): Map<string, { offset: number; length: number }> {
  const index = namedList(unserialize(new Uint8Array(unzipSync(rdxBytes))));
  const variables = index.get('variables');
  if (!variables) throw new RDataError('Lazy-load index has no "variables"');
  const out = new Map<string, { offset: number; length: number }>();
  for (const [name, key] of namedList(variables)) {
    const nums = key.type === 'integer' || key.type === 'double' ? Array.from(key.data) : [];
    const [offset, length] = nums;
    if (offset === undefined || length === undefined) throw new RDataError(`Bad lazy-load key for "${name}"`);
    out.set(name, { offset, length });
  }
  return out;
}

/** Reads one object from the bytes of a lazy-load database (.rdx index and .rdb records). */
export function readLazyLoadObjectFromBytes(rdx: Uint8Array, rdb: Uint8Array, name: string): RValue {
  const index = readLazyLoadIndex(rdx);
  const key = index.get(name);
  if (!key) throw new RDataError(`"${name}" is not in the lazy-load index (has: ${[...index.keys()].join(', ')})`);
  if (key.offset < 0 || key.offset + key.length > rdb.byteLength) {
    throw new RDataError(`"${name}" lies past the end of the lazy-load database`);
  }
  return unserialize(inflateLazyLoadRecord(rdb.subarray(key.offset, key.offset + key.length)));
}

/** Reads one object from a lazy-load database given its path prefix (".../data/Rdata"). */
export function readLazyLoadObject(prefix: string, name: string): RValue {
  return readLazyLoadObjectFromBytes(readFileSync(`${prefix}.rdx`), readFileSync(`${prefix}.rdb`), name);
}

export type RColumn =
  | { kind: 'integer'; values: Int32Array }
  | { kind: 'double'; values: Float64Array }
  | { kind: 'character'; values: (string | null)[] }
  | { kind: 'factor'; codes: Int32Array; levels: string[] }
  | { kind: 'logical'; values: (boolean | null)[] };

/** A data.frame as named columns; factors keep codes (1-based, NA_INTEGER for NA) and levels. */
export interface RDataFrame {
  readonly rowCount: number;
  readonly columns: ReadonlyMap<string, RColumn>;
}

export function asDataFrame(v: RValue): RDataFrame {
  if (v.type !== 'list') throw new RDataError(`Expected a data.frame, got ${v.type}`);
  const cls = v.attributes.get('class');
  if (!cls || cls.type !== 'character' || !cls.data.includes('data.frame')) {
    throw new RDataError('Expected a data.frame (class attribute missing)');
  }
  const columns = new Map<string, RColumn>();
  let rowCount = -1;
  for (const [name, col] of namedList(v)) {
    let c: RColumn;
    const colClass = 'attributes' in col ? col.attributes.get('class') : undefined;
    const isFactor = colClass?.type === 'character' && colClass.data.includes('factor');
    if (col.type === 'integer' && isFactor) {
      const levels = col.attributes.get('levels');
      if (!levels || levels.type !== 'character') throw new RDataError(`Factor "${name}" has no levels`);
      c = { kind: 'factor', codes: col.data, levels: levels.data.map((s) => s ?? '') };
    } else if (col.type === 'integer') c = { kind: 'integer', values: col.data };
    else if (col.type === 'double') c = { kind: 'double', values: col.data };
    else if (col.type === 'character') c = { kind: 'character', values: col.data };
    else if (col.type === 'logical') c = { kind: 'logical', values: col.data };
    else throw new RDataError(`Column "${name}" has unsupported type ${col.type}`);
    const n = c.kind === 'factor' ? c.codes.length : c.values.length;
    if (rowCount >= 0 && n !== rowCount) throw new RDataError(`Column "${name}" has ${n} rows, others ${rowCount}`);
    rowCount = n;
    columns.set(name, c);
  }
  return { rowCount: Math.max(rowCount, 0), columns };
}
