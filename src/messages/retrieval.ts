// The retrieval worker's messages. The worker owns the delivery path's inputs (the intent it is told
// or reads, phrase vectors, the user's vectors, engagement, videos) and pushes a new `RetrievalView`
// to the page whenever one of them changes: the page renders it and never asks for a rank itself.
import type { CatalogList } from '../core/catalog.ts';
import type { FeedEntry } from '../core/delivery.ts';
import type { Intent } from '../core/intent.ts';
import type { DemoUser } from '../core/u2i/format.ts';
import type { EngagementKind, UserVideo } from '../store/db.ts';
import type { StatusListener, WorkerBase, WorkerConfig } from './common.ts';

/** What the feed needs to draw one item. */
export interface FeedCard extends FeedEntry {
  title: string;
  /** Localised title when the user's language has one. */
  localTitle?: string;
  imageUrl?: string;
  /** Video items: the file to play, and the moment that best matches the query (seconds). */
  videoUrl?: string;
  /** The user's own item (a video they added): it can be removed from this device. */
  own?: boolean;
  startAt?: number;
  glyph?: string;
  category: string;
  /** A short line under the title for items without a picture: year and category name ("1979 · horror"). */
  subtitle?: string;
}

export interface U2iView {
  demoUsers: DemoUser[];
  /** The demo user whose vector this device uses; null: none (cold, or folded in from likes). */
  selected: string | null;
  source: 'downloaded' | 'on-device' | null;
}

export interface PreferenceView {
  enabled: boolean;
  model: string | null;
  error: string | null;
  learnedFrom: number;
}

/** One remembered card action, for the memory list: what, and when. */
export interface RememberedItem {
  itemId: string;
  title: string;
  /** Epoch ms of the action. */
  at: number;
}

/** What this catalog remembers of the user's card actions (newest first). */
export interface EngagementMemory {
  liked: RememberedItem[];
  skipped: RememberedItem[];
}

/** Everything the page shows that the retrieval worker decides: pushed whole after each change. */
export interface RetrievalView {
  catalogs: CatalogList;
  catalogId: string;
  feed: FeedCard[];
  /** Milliseconds the rank took (delivery path, inside the worker). */
  feedMs: number;
  /** Of `feedMs`, the milliseconds spent waiting for the encoder's phrase vectors. */
  encodeMs: number;
  /** The chat turn whose intent this feed answers, when a turn caused it. */
  turnId: string | null;
  /** The intent the feed was ranked for (the intent inspector shows it). */
  intent: Intent | null;
  u2i: U2iView | null;
  preference: PreferenceView;
  videoCount: number;
  memory: EngagementMemory;
  /** A problem the user should know about (a failed write, an index from another model). */
  problem: string | null;
  /**
   * A refined feed follows this one by itself: the catalog's picture index is still loading, or the
   * encoder's vectors for the intent's phrases are (a cold encoder takes seconds; the rank did not
   * wait). The page marks the list busy meanwhile, so nobody, a screen reader or a test, takes this
   * feed for the settled one, or clicks a card that is about to move.
   */
  refining: boolean;
}

/** What the retrieval worker posts on the view port (one-way, src/messages/port.ts). */
export interface ViewMessage {
  type: 'view';
  view: RetrievalView;
}

/** A video decoded and embedded by the page, handed over to be stored and searched. */
export type NewVideo = Omit<UserVideo, 'userId'>;

export interface RetrievalApi extends WorkerBase {
  /** `views`: the port this worker posts a `ViewMessage` on after every change (the page listens). */
  init(listener: StatusListener, config: WorkerConfig, views: MessagePort, catalogId: string): Promise<void>;
  /** The port to the encoder (text embeddings for the intent's phrases). */
  connectEncoder(port: MessagePort): void;
  /** The port the llm worker posts `IntentMessage`s on. */
  connectLlm(port: MessagePort): void;
  setCatalog(catalogId: string): Promise<void>;
  engage(itemId: string, kind: EngagementKind, dwellMs?: number): Promise<void>;
  /** Forgets one remembered like or skip of this catalog (its events are deleted); the feed follows. */
  forget(itemId: string, kind: 'like' | 'skip'): Promise<void>;
  selectDemoUser(demoUserId: string): Promise<void>;
  setPreferenceTuned(enabled: boolean): Promise<void>;
  addVideo(video: NewVideo): Promise<void>;
  removeVideo(id: string): Promise<void>;
  /** Ranks again now and resolves with the view pushed (benchmarks and tests). */
  refresh(): Promise<RetrievalView>;
  /** Messages and ranks so far (the app benchmark counts them per turn). */
  counters(): RetrievalCounters;
}

export interface RetrievalCounters {
  ranks: number;
  views: number;
  encodeCalls: number;
  intentsReceived: number;
  storeReads: number;
  /** Milliseconds, summed over all ranks: waiting for the encoder, and the whole rank (which includes that wait). */
  encodeWaitMs: number;
  rankMs: number;
  /** When the last intent arrived and the last view was posted (epoch ms, sub-ms: timeOrigin + now). */
  lastIntentAt: number;
  lastViewAt: number;
}
