// The R lazy-load reader: on hand-built XDR streams (always), and on the real dslabs MovieLens
// database when Debian's r-cran-dslabs is installed.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  asDataFrame,
  NA_INTEGER,
  RDataError,
  readLazyLoadObjectFromBytes,
  unserialize,
} from '../../../tools/u2i/read-rdata.ts';
import { DSLABS_DATA_PREFIX, loadMovieLens, movieLensAvailable } from '../../../tools/u2i/movielens.ts';

// A minimal XDR writer for the SEXP kinds a data.frame uses.
class Xdr {
  private readonly parts: number[] = [];
  int(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(...b);
    return this;
  }
  double(v: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v);
    this.parts.push(...b);
    return this;
  }
  bytes(s: string): this {
    this.parts.push(...Buffer.from(s, 'utf8'));
    return this;
  }
  charsxp(s: string | null): this {
    if (s === null) return this.int(9).int(-1);
    return this.int(9 | (1 << 15 /* UTF8 level bit, ignored */)).int(Buffer.byteLength(s)).bytes(s);
  }
  symbol(name: string): this {
    return this.int(1).charsxp(name);
  }
  /** A tagged pairlist cell header: LISTSXP with the tag bit. */
  cell(tag: string): this {
    return this.int(2 | (1 << 10)).symbol(tag);
  }
  strings(xs: (string | null)[], attrs = 0): this {
    this.int(16 | attrs).int(xs.length);
    for (const x of xs) this.charsxp(x);
    return this;
  }
  ints(xs: number[], attrs = 0): this {
    this.int(13 | attrs).int(xs.length);
    for (const x of xs) this.int(x);
    return this;
  }
  doubles(xs: number[], attrs = 0): this {
    this.int(14 | attrs).int(xs.length);
    for (const x of xs) this.double(x);
    return this;
  }
  nil(): this {
    return this.int(254);
  }
  out(): Uint8Array {
    return Uint8Array.from([0x58, 0x0a, ...new Xdr().int(2).int(0x040000).int(0x020300).parts, ...this.parts]);
  }
}

const ATTR = 1 << 9;
const OBJ = 1 << 8;

/** data.frame(id = c(7L, NA), score = c(1.5, 2), name = c("a", NA), kind = factor(c("y", "x"))) */
function dataFrameStream(): Uint8Array {
  const w = new Xdr();
  w.int(19 | ATTR | OBJ).int(4);
  w.ints([7, NA_INTEGER]);
  w.doubles([1.5, 2]);
  w.strings(['a', null]);
  // factor: codes 2, 1 over levels x, y; attributes levels + class
  w.ints([2, 1], ATTR | OBJ).cell('levels').strings(['x', 'y']).cell('class').strings(['factor']).nil();
  // list attributes: names, class, row.names
  w.cell('names').strings(['id', 'score', 'name', 'kind']);
  w.cell('class').strings(['data.frame']);
  w.cell('row.names').ints([NA_INTEGER, -2]);
  w.nil();
  return w.out();
}

function lazyLoadRecord(stream: Uint8Array): Uint8Array {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(stream.byteLength);
  return Uint8Array.from([...head, ...deflateSync(stream)]);
}

function lazyLoadIndex(name: string, offset: number, length: number): Uint8Array {
  const w = new Xdr();
  w.int(19 | ATTR).int(1); // list(variables = list(<name> = c(offset, length)))
  w.int(19 | ATTR).int(1).ints([offset, length]).cell('names').strings([name]).nil();
  w.cell('names').strings(['variables']).nil();
  return new Uint8Array(deflateSync(w.out()));
}

describe('R serialization reader', () => {
  it('decodes a data.frame with integer, double, character and factor columns', () => {
    const df = asDataFrame(unserialize(dataFrameStream()));
    expect(df.rowCount).toBe(2);
    expect(df.columns.get('id')).toEqual({ kind: 'integer', values: Int32Array.from([7, NA_INTEGER]) });
    expect(df.columns.get('score')).toEqual({ kind: 'double', values: Float64Array.from([1.5, 2]) });
    expect(df.columns.get('name')).toEqual({ kind: 'character', values: ['a', null] });
    expect(df.columns.get('kind')).toEqual({ kind: 'factor', codes: Int32Array.from([2, 1]), levels: ['x', 'y'] });
  });

  it('reads a named object out of a lazy-load database', () => {
    const record = lazyLoadRecord(dataFrameStream());
    const padding = new Uint8Array(10);
    const rdb = Uint8Array.from([...padding, ...record]);
    const rdx = lazyLoadIndex('tiny', padding.byteLength, record.byteLength);
    const df = asDataFrame(readLazyLoadObjectFromBytes(rdx, rdb, 'tiny'));
    expect(df.rowCount).toBe(2);
    expect(() => readLazyLoadObjectFromBytes(rdx, rdb, 'other')).toThrow(/"other" is not in the lazy-load index/);
  });

  it('refuses bad input with RDataError', () => {
    expect(() => unserialize(Uint8Array.from([0x41, 0x0a, 0, 0]))).toThrow(RDataError);
    const truncated = dataFrameStream().subarray(0, 40);
    expect(() => unserialize(truncated)).toThrow(/Truncated R data/);
    const record = lazyLoadRecord(dataFrameStream());
    const rdx = lazyLoadIndex('tiny', 0, record.byteLength + 5);
    expect(() => readLazyLoadObjectFromBytes(rdx, record, 'tiny')).toThrow(/past the end/);
  });
});

const reason = `Debian r-cran-dslabs is not installed (${DSLABS_DATA_PREFIX}.rdx missing)`;
describe.skipIf(!movieLensAvailable())(`MovieLens latest-small from dslabs (skipped when ${reason})`, () => {
  it('has the published counts and sane values', () => {
    const ml = loadMovieLens();
    expect(ml.user.length).toBe(100004);
    expect(ml.userIds.length).toBe(671);
    expect(ml.movies.length).toBe(9066);
    expect(Math.min(...ml.rating)).toBe(0.5);
    expect(Math.max(...ml.rating)).toBe(5);
    // Ratings are half-stars.
    expect(ml.rating.every((r) => Number.isInteger(r * 2))).toBe(true);
    // Timestamps lie between 1995 and 2017 (latest-small was frozen in 2016/2017).
    const years = Array.from(ml.timestampS, (t) => new Date(t * 1000).getUTCFullYear());
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1995);
    expect(Math.max(...years)).toBeLessThanOrEqual(2017);
    const toyStory = ml.movies.find((m) => m.movieId === 1);
    expect(toyStory?.title).toBe('Toy Story');
    expect(toyStory?.year).toBe(1995);
    expect(toyStory?.genres).toEqual(['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy']);
  });
});
