// The builder's work folder: per-item results (vector, thumbnail or poster, video keyframes) kept
// under a key made of the file's content hash (or the embedded text), the model id and this cache's
// version, so an interrupted build resumes where it stopped and an unchanged item is never decoded
// or embedded twice. Entries are appended to one JSON-lines log after each batch; a line cut short
// by a kill is ignored on the next load. A different model gives different keys: no mixing.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when what an entry holds changes (thumbnail size, keyframe budget, preprocessing). */
const CACHE_VERSION = 1;
const LOG = 'entries.jsonl';

export interface CachedKeyframe {
  readonly t: number;
  readonly reason: string;
  /** base64 little-endian float32, unit length. */
  readonly vector: string;
}

export interface CacheEntry {
  readonly key: string;
  /** base64 little-endian float32, unit length. */
  readonly vector: string;
  /** Thumbnail (images) or poster (videos), a file in the work folder. */
  readonly picture?: string;
  readonly keyframes?: readonly CachedKeyframe[];
  readonly durationS?: number;
}

export const vectorToBase64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');

export function vectorFromBase64(b64: string): Float32Array {
  // Little-endian hosts only, as the index format itself (src/core/index/format.ts).
  const b = Buffer.from(b64, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

export class WorkCache {
  private readonly entries = new Map<string, CacheEntry>();
  private pending: CacheEntry[] = [];
  /** Items whose results came from the cache. */
  hits = 0;
  /** Items decoded and embedded in this run (a file that failed to decode is neither). */
  misses = 0;

  private constructor(readonly dir: string, private readonly modelId: string) {}

  static async open(dir: string, modelId: string): Promise<WorkCache> {
    const cache = new WorkCache(dir, modelId);
    await mkdir(join(dir, 'files'), { recursive: true });
    let text = '';
    try {
      text = await readFile(join(dir, LOG), 'utf8');
    } catch {
      // no log yet: a first build
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const e = JSON.parse(line) as CacheEntry;
        if (typeof e.key === 'string' && typeof e.vector === 'string') cache.entries.set(e.key, e);
      } catch {
        // the last line of a killed build: that item is simply done again
      }
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Key of a media file's results: content hash + kind + model + cache version. */
  mediaKey(kind: 'image' | 'video', contentHash: string): string {
    return createHash('sha256').update(`${CACHE_VERSION}\0${this.modelId}\0${kind}\0${contentHash}`).digest('hex');
  }

  /** Key of a text item's vector: the exact text embedded + model + cache version. */
  textKey(text: string): string {
    return createHash('sha256').update(`${CACHE_VERSION}\0${this.modelId}\0text\0${text}`).digest('hex');
  }

  /** Looks an entry up and counts a hit (the resume figure the summary reports). */
  get(key: string): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (e) this.hits++;
    return e;
  }

  async putPicture(key: string, webp: Buffer): Promise<string> {
    const name = `files/${key}.webp`;
    await writeFile(join(this.dir, name), webp);
    return name;
  }

  /** Keeps a result computed in this run (counted as embedded now). */
  add(entry: CacheEntry): void {
    this.misses++;
    this.entries.set(entry.key, entry);
    this.pending.push(entry);
  }

  /** Writes the entries added since the last flush (after each batch). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const lines = this.pending.map((e) => `${JSON.stringify(e)}\n`).join('');
    this.pending = [];
    await appendFile(join(this.dir, LOG), lines);
  }

  picturePath(name: string): string {
    return join(this.dir, name);
  }
}
