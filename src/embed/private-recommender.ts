// <private-recommender>: the whole recommender as one element a site can put on its own page. It owns a
// Recommender (workers + store) and renders <pr-app> in an open shadow root; the page styles it through
// CSS custom properties and parts, and hears what happens through `recommendations` and `engagement`.
import '../core/zod-config.ts'; // first: zod jitless before any schema is built (no eval under a strict CSP)
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { type DataDeletedWhere, Recommender } from '../app/recommender.ts';
import type { EngagementKind } from '../store/db.ts';
import '../ui/app-shell.ts';

export const TAG = 'private-recommender';

/** One card of the feed as the host page sees it. */
export interface RecommendationCard {
  id: string;
  title: string;
  why: string;
  catalogId: string;
}

export interface RecommendationsDetail {
  catalogId: string;
  cards: RecommendationCard[];
}

export interface EngagementDetail {
  itemId: string;
  kind: EngagementKind;
}

export type { DataDeletedWhere };

export interface PrivateRecommenderEventMap {
  recommendations: CustomEvent<RecommendationsDetail>;
  engagement: CustomEvent<EngagementDetail>;
}

/** The parts of <pr-app> a page can style with `private-recommender::part(name)`. */
const PARTS = ['header', 'banner', 'chat', 'feed', 'status'] as const;

/** Said once the element has started afresh after a deletion (the banner the visitor can dismiss). */
const DELETED_NOTICE: Record<DataDeletedWhere, string> = {
  here: 'Everything this recommender stored on this device was deleted. It starts afresh.',
  elsewhere: 'Your data was deleted in another tab. This recommender started afresh.',
};

/** A folder URL must end in "/", or `new URL('clip-mini/…', base)` would drop its last segment. */
const asFolder = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

/** What makes two feeds the same to the host page: the cards it is told about, in order. */
const feedKey = (catalogId: string, cards: readonly RecommendationCard[]): string =>
  JSON.stringify([catalogId, cards.map((c) => [c.id, c.title, c.why])]);

export class PrivateRecommenderElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: var(--pr-height, 100vh);
      font-family: var(--pr-font, system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', sans-serif);
      background: var(--pr-background, transparent);
      color: var(--pr-color, inherit);
      accent-color: var(--pr-accent, #2f6fde);
    }
    :host([hidden]) { display: none; }
    /* Outer rules beat pr-app's own :host height (100vh): inside a page the element sets the size. */
    pr-app { height: 100%; }
  `;

  /** Base URL of the models folder (models, safety lists, catalogs/index.json), resolved against the page. */
  @property() models = 'models/';
  /** The catalog to show first (an id in catalogs/index.json); the user's last choice otherwise. */
  @property() catalog: string | null = null;

  /**
   * What happens once the visitor's data is deleted ("Delete my data" here, or in another tab of this
   * origin), after this element's workers have stopped. Unset: the element starts afresh in place under
   * a new identity and leaves its host page alone (no reload, the page's caches and service worker
   * untouched). The demo page, which owns its origin, sets it to clear its offline copy and reload.
   */
  onDataDeleted: ((where: DataDeletedWhere) => void) | null = null;

  private rec: Recommender | null = null;
  private lastFeed = '';
  private lastFeedArray: unknown = null;
  private lastCatalogId = '';

  /** The controller behind the element (tests and diagnostics); null before the element is connected. */
  get recommender(): Recommender | null {
    return this.rec;
  }

  /** Starts on first connection: `models` and `catalog` are read then; later changes do not restart it. */
  override connectedCallback(): void {
    super.connectedCallback();
    if (this.rec) return;
    this.begin();
  }

  private begin(notice?: string): void {
    this.requestUpdate(); // a reconnection after destroy() renders the new controller
    const rec: Recommender = new Recommender({
      modelsBaseUrl: asFolder(new URL(this.models || 'models/', document.baseURI).href),
      afterDataDeleted: (where) => this.afterDataDeleted(rec, where),
    });
    this.rec = rec;
    rec.addEventListener('change', this.onChange);
    if (notice) rec.set({ banner: notice });
    void this.start(rec);
  }

  private afterDataDeleted(rec: Recommender, where: DataDeletedWhere): void {
    if (this.rec !== rec) return; // removed, or already started afresh
    if (this.onDataDeleted) {
      this.onDataDeleted(where);
      return;
    }
    this.destroy();
    if (this.isConnected) this.begin(DELETED_NOTICE[where]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving the element fires disconnect then connect in one task; only a real removal stops it.
    queueMicrotask(() => {
      if (!this.isConnected) this.destroy();
    });
  }

  /** Stops the workers and closes the store. A later connection starts a fresh recommender. */
  destroy(): void {
    const rec = this.rec;
    if (!rec) return;
    this.rec = null;
    this.lastFeed = '';
    this.lastFeedArray = null;
    rec.removeEventListener('change', this.onChange);
    for (const name of ['llm', 'encoder', 'retrieval'] as const) rec.workers?.[name].terminate();
    rec.store?.close();
    rec.store = null;
    this.requestUpdate();
  }

  /** One chat turn, as if the user had typed it. */
  send(text: string): Promise<void> {
    if (!this.rec) return Promise.reject(new Error('<private-recommender> is not connected'));
    return this.rec.send(text);
  }

  private async start(rec: Recommender): Promise<void> {
    await rec.boot();
    const wanted = this.catalog;
    if (!wanted || rec.state.phase === 'error') return;
    // After the first view: the start-up rank is done, so the switch cannot race it.
    if (rec.state.phase !== 'ready') await rec.nextView(() => true);
    if (this.rec === rec && rec.state.catalogId !== wanted) await rec.selectCatalog(wanted);
  }

  private readonly onChange = (): void => {
    const s = this.rec?.state;
    if (!s || s.phase !== 'ready') return;
    // Most changes (chat, statuses) leave the feed as it was: compare the cards only when it is a new feed.
    if (s.feed === this.lastFeedArray && s.catalogId === this.lastCatalogId) return;
    this.lastFeedArray = s.feed;
    this.lastCatalogId = s.catalogId;
    const cards = s.feed.map((c) => ({ id: c.id, title: c.localTitle ?? c.title, why: c.why, catalogId: s.catalogId }));
    const key = feedKey(s.catalogId, cards);
    if (key === this.lastFeed) return;
    this.lastFeed = key;
    this.dispatchEvent(new CustomEvent<RecommendationsDetail>('recommendations', { detail: { catalogId: s.catalogId, cards } }));
  };

  /** The feed's card actions (composed events from <pr-feed>), told to the page as `engagement`. */
  private readonly onEngage = (e: CustomEvent<{ id: string; kind: EngagementKind }>): void => {
    this.dispatchEvent(new CustomEvent<EngagementDetail>('engagement', { detail: { itemId: e.detail.id, kind: e.detail.kind } }));
  };

  private readonly onUndoSkip = (e: CustomEvent<string>): void => {
    this.dispatchEvent(new CustomEvent<EngagementDetail>('engagement', { detail: { itemId: e.detail, kind: 'unskip' } }));
  };

  override render() {
    return html`<pr-app
      exportparts=${PARTS.join(', ')}
      .recommender=${this.rec}
      @engage=${this.onEngage}
      @undo-skip=${this.onUndoSkip}
    ></pr-app>`;
  }
}

// Guarded: a page that loads the module twice (two bundles, a hot reload) keeps the first definition.
if (!customElements.get(TAG)) customElements.define(TAG, PrivateRecommenderElement);

declare global {
  interface HTMLElementTagNameMap {
    'private-recommender': PrivateRecommenderElement;
  }
}
