// The catalog's item spaces as the personal sources use them: its items' CLIP image vectors (for
// the session vector and the look-alikes of skipped items) and its word space (every catalog has one,
// text-only ones too), the session input the session and explore sources read, the names liked items
// are explained with, and the CLIP source's calibrated "no match" floor (the catalog's own, from its
// manifest).
import { z } from 'zod';
import { sessionInput } from '../../core/engagement/session-input.ts';
import { catalogVectors } from '../../core/engagement/session-source.ts';
import { wordSpaceOf } from '../../core/engagement/word-space.ts';
import type { CatalogManifest } from '../../core/catalog.ts';
import type { Intent } from '../../core/intent.ts';
import type { SessionInput } from '../../core/fusion/retrieval-source.ts';
import type { VectorMatrix } from '../../core/u2i/format.ts';
import { wantedPhrases } from '../../core/wanted.ts';
import { fetchJson } from '../catalog-source.ts';
import type { LoadedCatalog } from './catalogs.ts';
import { likedIds } from './engagement.ts';
import type { PersonalState } from './personal.ts';

const CalibrationSchema = z.object({ modelId: z.string(), noMatchFloor: z.number().min(-1).max(1) });

/**
 * A catalog's items in its own picture space (CLIP image vectors from its index), for the session
 * vector and the skip neighbours. Only for catalogs up to this size: the matrix is items x dim floats
 * (20k x 256 = 20 MB); larger catalogs rank without a session source.
 */
const SESSION_MAX_ITEMS = 20_000;
const spaces = new WeakMap<object, { vectors: VectorMatrix }>();
export function sessionSpace(cat: LoadedCatalog): { vectors: VectorMatrix } | null {
  const index = cat.index;
  if (!index || cat.items.length > SESSION_MAX_ITEMS) return null;
  let s = spaces.get(index);
  if (!s) {
    s = { vectors: catalogVectors(cat.items.map((it) => it.id), index.dim, (id) => { const r = index.rowOf(id); return r === undefined ? undefined : index.vectorAt(r); }) };
    spaces.set(index, s);
  }
  return s;
}

/** Liked items as the feed names them ("🐶 dog"). */
export function likedItems(cat: LoadedCatalog, ids: readonly string[]): { itemIndex: number; title: string }[] {
  return ids.flatMap((id) => {
    const i = cat.rowOfId.get(id);
    const it = i === undefined ? undefined : cat.items[i];
    return it && i !== undefined ? [{ itemIndex: i, title: it.glyph ? `${it.glyph} ${it.title}` : it.title }] : [];
  });
}


/**
 * The session as this rank's session and explore sources see it (the same sessionInput() the steering
 * simulation calls): the session vector in the picture space (when the catalog has one) and in its
 * word space (built on the first rank of a catalog: bench/RESULTS-engagement.md gives the cost), the
 * liked items, the items shown so far. None while the user asks for something in words and has
 * engaged with nothing: the feed is then exactly the query sources' (no exploration, no diversity).
 */
export function sessionInputFor(cat: LoadedCatalog, p: PersonalState, intent: Intent | null, now: number): SessionInput | null {
  const liked = likedIds(p.engagement);
  const asked = intent !== null && wantedPhrases(intent).length > 0;
  if (asked && liked.length === 0 && !p.events.some((e) => e.kind === 'click' || e.kind === 'dwell')) return null;
  const shown = new Set<number>();
  for (const id of p.shown) {
    const r = cat.rowOfId.get(id);
    if (r !== undefined) shown.add(r);
  }
  const input = sessionInput({
    events: p.events, rowOf: cat.rowOfId, now, rows: cat.items.length,
    pictures: sessionSpace(cat)?.vectors ?? null, words: wordSpaceOf(cat.items),
    liked: likedItems(cat, liked), shown,
  });
  // Engaged, but with nothing that has a vector in either space: nothing to steer with, nothing to explore.
  return input && (input.vector || input.words?.vector || liked.length === 0) ? input : null;
}

const calibrations = new Map<string, Promise<{ modelId: string; noMatchFloor: number } | null>>();
/** Manifests whose floor was ignored and said so: the status is reported once per catalog load. */
const told = new WeakSet<object>();

/**
 * The floor a catalog's manifest carries (index.noMatchFloor, measured on its own index), when it was
 * measured for the model that built the index: the query vectors come from that model (the service
 * refuses others), and a floor from another model's cosines means nothing in this space. Null: none.
 */
export function manifestFloor(manifest: CatalogManifest): { floor: number } | { ignored: string } | null {
  const own = manifest.index?.noMatchFloor;
  if (!own || !manifest.index) return null;
  if (own.modelId === manifest.index.modelId) return { floor: own.cosine };
  return { ignored: `${manifest.name}: its "no match" floor was measured for ${own.modelId}, but its index is ${manifest.index.modelId}, so the floor is not applied (rebuild the catalog to measure it again)` };
}

/**
 * The CLIP source's "no match" floor for this catalog: its manifest's own (above); else, for a
 * sticker catalog, the model's calibration file, measured on the stickers (a stickers manifest from
 * before the floor moved into manifests). Otherwise none: every phrase keeps its nearest items, as
 * before (video catalogs not built by the catalog builder, the user's own videos). A floor ignored
 * for its model is reported through `onIgnored`, once per catalog.
 */
export async function clipFloor(cat: LoadedCatalog, modelsBaseUrl: string, onIgnored?: (detail: string) => void): Promise<number | undefined> {
  if (!cat.index) return undefined;
  const own = manifestFloor(cat.manifest);
  if (own && 'floor' in own) return own.floor;
  if (own && !told.has(cat.manifest)) {
    told.add(cat.manifest);
    onIgnored?.(own.ignored);
  }
  if (cat.manifest.kind !== 'stickers') return undefined;
  const model = cat.index.modelId.split('@')[0]!;
  let p = calibrations.get(model);
  if (!p) {
    p = fetchJson(new URL(`${model}/calibration.json`, modelsBaseUrl), 'CLIP calibration')
      .then((j) => CalibrationSchema.parse(j))
      .catch(() => null);
    calibrations.set(model, p);
  }
  const c = await p;
  return c && c.modelId === cat.index.modelId ? c.noMatchFloor : undefined;
}
