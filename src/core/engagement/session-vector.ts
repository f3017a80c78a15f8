// The session user vector: everyone gets one, in a catalog's own item space (the CLIP image vectors
// of stickers and videos), from what they did in this session: liked, opened and dwelt-on items pull
// it toward them, skipped items push it away, and older events count less. No training, no download:
// a weighted sum of item vectors, recomputed in microseconds whenever an event arrives.
import type { VectorMatrix } from '../u2i/format.ts';

/** The kinds that move the session vector; the store's other kinds (impression, ...) are ignored. */
export const SESSION_EVENT_KINDS = ['like', 'click', 'dwell', 'skip'] as const;
export type SessionEventKind = (typeof SESSION_EVENT_KINDS)[number];
/** Kinds that take back an earlier like or skip of the same item (the store's undo events). */
const UNDO_OF: Readonly<Record<string, SessionEventKind>> = Object.freeze({ unlike: 'like', unskip: 'skip' });

/**
 * One thing the user did with one item; `at` in milliseconds (Date.now()). `kind` is a string so the
 * store's records (which also hold impressions and undos) can be passed as they are.
 */
export interface EngagementEvent {
  readonly itemId: string;
  readonly kind: SessionEventKind | (string & {});
  readonly at: number;
}

export interface SessionVectorOptions {
  /** Signed weight of one event of each kind (skip is negative: it pushes the vector away). */
  readonly weights: Readonly<Record<SessionEventKind, number>>;
  /** An event's weight halves every this many milliseconds. */
  readonly halfLifeMs: number;
  /**
   * An event's weight also halves with every this many positive events (likes, clicks, dwells) after
   * it, however fast they came: a new taste overtakes an old one after a few likes, whether the
   * screens are seconds or minutes apart. Absent or Infinity: time alone.
   */
  readonly halfLifeEvents?: number;
}

/**
 * The skip weight and the half-life are chosen by the steering simulation on stickers
 * (bench/RESULTS-engagement.md, `npx tsx bench/engagement/steering.ts`, tuning table): subtracting
 * skipped items (-0.25, -0.5) did not beat 0 there, so a skip acts only through its exclusion (and
 * the neighbour penalty, where the caller applies it). The simulated users only like and skip, so
 * click and dwell are not measured: they keep the ratios of the U2I online update
 * (src/core/u2i/online.ts, SIGNAL_EFFECT: click 0.5, dwell 0.3 of a like).
 */
export const DEFAULT_SESSION_WEIGHTS: Readonly<Record<SessionEventKind, number>> = Object.freeze({
  like: 1,
  click: 0.5,
  dwell: 0.3,
  skip: 0,
});
/**
 * From the same simulation, scored on a fixed taste and on a taste change after 10 screens (screens
 * assumed 20 s apart; 'half-life in time', seed 1): 30 min 0.350 against 5 min 0.348, so the
 * simulation runs at the product's 30 min. Near a tie: recency comes from the half-life in likes.
 */
export const DEFAULT_SESSION_HALF_LIFE_MS = 30 * 60_000;

/**
 * From the same simulation ('half-life in likes', seed 1): 4 likes 0.350 against time alone 0.347,
 * 2 likes 0.346, 1 like 0.344 (1 like helps after a taste change, 0.068 against 0.045, and costs the
 * fixed taste as much). A near tie, kept because it does not depend on how fast a person scrolls.
 */
export const DEFAULT_SESSION_HALF_LIFE_EVENTS = 4;

export const DEFAULT_SESSION_OPTIONS: SessionVectorOptions = Object.freeze({
  weights: DEFAULT_SESSION_WEIGHTS,
  halfLifeMs: DEFAULT_SESSION_HALF_LIFE_MS,
  halfLifeEvents: DEFAULT_SESSION_HALF_LIFE_EVENTS,
});

/** How much an event at `at` still counts at `now` (1 when fresh, 0.5 after one half-life). */
export function decayFactor(at: number, now: number, halfLifeMs: number): number {
  if (!(halfLifeMs > 0)) throw new RangeError(`halfLifeMs must be > 0, got ${halfLifeMs}`);
  return Math.pow(0.5, Math.max(0, now - at) / halfLifeMs);
}

/**
 * The events that move the vector, each with its signed weight at `now` (kind weight x time decay x
 * decay by the positive events after it); events of unknown or zero-weight kinds and from the future
 * are left out. Shared by the picture and the word session vectors.
 */
export function weightedEvents(events: readonly EngagementEvent[], now: number, options: SessionVectorOptions): { itemId: string; weight: number }[] {
  const kept = effectiveEvents(events).flatMap((e) => {
    const w = (options.weights as Readonly<Record<string, number>>)[e.kind];
    return w === undefined || w === 0 || e.at > now ? [] : [{ itemId: e.itemId, w, at: e.at }];
  });
  const perEvent = options.halfLifeEvents !== undefined && Number.isFinite(options.halfLifeEvents) ? options.halfLifeEvents : null;
  if (perEvent !== null && !(perEvent > 0)) throw new RangeError(`halfLifeEvents must be > 0, got ${perEvent}`);
  let later = 0; // positive events after the one at hand (kept is in time order)
  const out: { itemId: string; weight: number }[] = new Array(kept.length);
  for (let i = kept.length - 1; i >= 0; i--) {
    const e = kept[i]!;
    out[i] = { itemId: e.itemId, weight: e.w * decayFactor(e.at, now, options.halfLifeMs) * (perEvent ? Math.pow(0.5, later / perEvent) : 1) };
    if (e.w > 0) later++;
  }
  return out;
}

/** Adds scale x (the unit vector of row r) to out; a zero row adds nothing. */
function addUnitRow(out: Float64Array, items: VectorMatrix, r: number, scale: number): boolean {
  const { dim, data } = items;
  let n2 = 0;
  for (let f = 0; f < dim; f++) n2 += data[r * dim + f]! ** 2;
  if (n2 === 0) return false;
  const s = scale / Math.sqrt(n2);
  for (let f = 0; f < dim; f++) out[f]! += s * data[r * dim + f]!;
  return true;
}

/**
 * The session vector at `now`: sum over events of weight(kind) x decay(age) x unit(item vector),
 * normalised to length 1. Returns null when nothing positive has happened (no like, click or dwell on
 * an item with a vector): skips alone say what the user does not want, not what they do, and are
 * handled by the skip-neighbour penalty instead. Unknown ids and events from the future are ignored.
 */
export function sessionVector(
  events: readonly EngagementEvent[],
  items: VectorMatrix,
  rowOf: ReadonlyMap<string, number>,
  now: number,
  options: SessionVectorOptions = DEFAULT_SESSION_OPTIONS,
): Float32Array | null {
  const sum = new Float64Array(items.dim);
  let positive = false;
  for (const e of weightedEvents(events, now, options)) {
    const r = rowOf.get(e.itemId);
    if (r === undefined || r >= items.rows) continue;
    const added = addUnitRow(sum, items, r, e.weight);
    if (added && e.weight > 0) positive = true;
  }
  if (!positive) return null;
  const norm = Math.hypot(...sum);
  if (!(norm > 0)) return null;
  return Float32Array.from(sum, (x) => x / norm);
}

/**
 * The events that still count: an unlike (unskip) takes back every earlier like (skip) of its item;
 * a like after a skip of the same item takes the skip back, and the reverse (the store's replay rules).
 */
export function effectiveEvents(events: readonly EngagementEvent[]): EngagementEvent[] {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const cancelled = new Set<number>();
  const open = new Map<string, number[]>(); // "kind itemId" -> indices of events not yet taken back
  const cancel = (kind: string, itemId: string) => {
    for (const i of open.get(`${kind} ${itemId}`) ?? []) cancelled.add(i);
    open.delete(`${kind} ${itemId}`);
  };
  for (const { e, i } of ordered) {
    const undone = UNDO_OF[e.kind];
    if (undone) {
      cancel(undone, e.itemId);
      continue;
    }
    if (e.kind === 'like') cancel('skip', e.itemId);
    if (e.kind === 'skip') cancel('like', e.itemId);
    const key = `${e.kind} ${e.itemId}`;
    open.set(key, [...(open.get(key) ?? []), i]);
  }
  return ordered.filter(({ e, i }) => !cancelled.has(i) && !UNDO_OF[e.kind]).map(({ e }) => e);
}

/** Rows of the items the user skipped (the ones to remove for good and whose neighbours to lower). */
export function skippedRows(events: readonly EngagementEvent[], rowOf: ReadonlyMap<string, number>): Set<number> {
  const out = new Set<number>();
  for (const e of effectiveEvents(events)) {
    const r = rowOf.get(e.itemId);
    if (e.kind === 'skip' && r !== undefined) out.add(r);
  }
  return out;
}
