// The recommendations: a grid of cards, each with its image, title and the reason it is shown.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { FeedCard } from '../messages/retrieval.ts';

type Kind = 'like' | 'skip' | 'click' | 'dwell';

/** How long "Undo" stays offered after "Not for me" (the memory list can undo it later too). */
const UNDO_SHOWN_MS = 8000;

/** A stable hue per category name. */
function hueOf(category: string): number {
  let h = 0;
  for (let i = 0; i < category.length; i++) h = (h * 31 + category.charCodeAt(i)) % 360;
  return h;
}

/** Up to two initials of a title, skipping leading articles ("The Matrix" -> "M"). */
function initials(title: string): string {
  const words = title.replace(/[^\p{L}\p{N} ]/gu, ' ').split(/\s+/).filter((w) => w && !/^(the|a|an)$/i.test(w));
  return words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
}

@customElement('pr-feed')
export class FeedView extends LitElement {
  static override styles = css`
    :host { display: block; padding: 0.8rem 1rem; }
    h2 { font-size: 0.95rem; margin: 0 0 0.6rem; font-weight: 600; display: flex; gap: 0.6rem; align-items: baseline; }
    .timing { font-size: 0.75rem; font-weight: 400; opacity: 0.65; }
    .undo { position: sticky; bottom: 0.5rem; margin: 0.6rem 0 0; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); padding: 0.35rem 0.6rem; background: #eef2f8; border-radius: 0.4rem; font-size: 0.82rem; display: flex; gap: 0.6rem; align-items: center; }
    @media (prefers-color-scheme: dark) { .undo { background: #23272e; } }
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 0.7rem; }
    li { background: white; border: 1px solid #dde0e5; border-radius: 0.7rem; padding: 0.6rem; display: grid; grid-template-rows: auto auto 1fr auto; gap: 0.3rem; }
    .thumb { position: relative; width: 100%; aspect-ratio: 1; display: grid; place-items: center; background: #f2f3f6; border-radius: 0.5rem; border: none; padding: 0; cursor: pointer; }
    .thumb img { width: 64px; height: 64px; image-rendering: auto; }
    .glyph { font-size: 3rem; }
    /* Items without a picture (films): a tile coloured by category with the title's initials. */
    .tile { width: 100%; height: 100%; display: grid; place-items: center; border-radius: 0.5rem; font-size: 2.2rem; font-weight: 700; letter-spacing: 0.05em;
      color: hsl(var(--hue) 45% 25%); background: linear-gradient(135deg, hsl(var(--hue) 70% 88%), hsl(var(--hue) 60% 75%)); }
    .title { font-size: 0.88rem; font-weight: 600; overflow-wrap: anywhere; }
    .sub { font-size: 0.75rem; opacity: 0.7; }
    .why { font-size: 0.72rem; opacity: 0.75; }
    .actions { display: flex; gap: 0.3rem; }
    .actions button { flex: 1; font: inherit; font-size: 0.78rem; padding: 0.25rem; border-radius: 0.4rem; border: 1px solid #c5cad2; background: transparent; color: inherit; cursor: pointer; }
    .actions button[aria-pressed='true'] { background: var(--pr-accent, #2f6fde); color: var(--pr-on-accent, white); border-color: var(--pr-accent, #2f6fde); }
    .empty { opacity: 0.7; }
    dialog { border: none; border-radius: 0.8rem; padding: 1.2rem; max-width: min(26rem, 90vw); text-align: center; }
    dialog img { width: 160px; height: 160px; }
    dialog video { width: min(240px, 70vw); aspect-ratio: 1; background: #000; border-radius: 0.5rem; }
    .play { position: absolute; right: 0.4rem; bottom: 0.3rem; font-size: 0.9rem; opacity: 0.75; }
    dialog .glyph { font-size: 8rem; }
    dialog h3 { margin: 0.6rem 0 0.2rem; }
    dialog p { margin: 0.3rem 0; font-size: 0.85rem; opacity: 0.8; }
    @media (prefers-color-scheme: dark) {
      li { background: #1e2126; border-color: #30343a; }
      .thumb { background: #262a30; }
    }
  `;

  @property({ attribute: false }) cards: FeedCard[] = [];
  @property() phase: 'booting' | 'ready' | 'error' = 'booting';
  @property({ attribute: false }) feedMs: number | null = null;
  /** A refined feed is on its way (the picture index is loading): the list says it is busy. */
  @property({ type: Boolean }) refining = false;
  @property() language = 'en';
  /** Items the user likes (from the worker's memory, plus likes just clicked). */
  @property({ attribute: false }) likedIds: readonly string[] = [];
  private liked = new Set<string>();
  /** The card just hidden with "Not for me", offered back for a few seconds. */
  @state() private hiddenCard: { id: string; title: string } | null = null;
  private hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  @state() private open: FeedCard | null = null;
  private openedAt = 0;
  @query('dialog') private dialog!: HTMLDialogElement;

  // The cards are not keyed: a new feed rewrites the texts and pictures of the elements already there.
  // Keyed (lit's repeat), most of a turn's 24 cards are new elements: pr-feed's update took 9-11 ms a
  // turn against 3-5 ms, plus the style of the new elements, on the path from view to drawn feed
  // (bench/app/turn-messages.ts's turns, 2026-11-30).
  override render() {
    return html`
      <h2 id="feed-heading">Recommendations
        ${this.feedMs !== null ? html`<span class="timing">ranked in ${this.feedMs.toFixed(0)} ms on this device</span>` : nothing}
      </h2>
      ${this.cards.length === 0 && this.phase !== 'ready'
        ? html`<p class="empty">${this.phase === 'booting' ? 'Loading the catalog…' : 'The feed is unavailable.'}</p>`
        : nothing}
      <ul role="list" aria-label="Recommendations" aria-busy=${this.phase === 'booting' || this.refining ? 'true' : 'false'}>
        ${this.cards.map((c) => this.renderCard(c))}
      </ul>
      <!-- After the list, sticky at the bottom of the view: above it, the note pushed every card down
           as it came and went, under the pointer of the next click. -->
      ${this.hiddenCard
        ? html`<p class="undo" role="status">Hidden “${this.hiddenCard.title}”; it will not come back.
            <button @click=${() => this.undoSkip()}>Undo</button></p>`
        : nothing}
      <dialog aria-label=${this.open ? (this.open.localTitle ?? this.open.title) : 'Item'} @close=${this.onClose}>
        ${this.open
          ? html`${this.open.videoUrl
                ? html`<video src=${this.open.videoUrl} controls autoplay muted playsinline width="240"
                    @loadedmetadata=${(e: Event) => this.seekTo(e.target as HTMLVideoElement)}></video>
                  ${this.open.startAt !== undefined ? html`<p class="moment">Starts at the best moment: ${this.open.startAt.toFixed(1)} s</p>` : nothing}`
                : this.open.imageUrl
                ? html`<img src=${this.open.imageUrl} alt="" width="160" height="160" />`
                : html`<span class="glyph" aria-hidden="true">${this.open.glyph ?? '?'}</span>`}
              <h3>${this.open.localTitle ?? this.open.title}</h3>
              ${this.open.localTitle && this.open.localTitle !== this.open.title ? html`<p>${this.open.title}</p>` : nothing}
              <p>${this.open.why}</p>`
          : nothing}
        <form method="dialog"><button>Close</button></form>
      </dialog>
    `;
  }

  /** "Jump to the moment": a video opens at the keyframe that best matches the query. */
  private seekTo(v: HTMLVideoElement): void {
    const t = this.open?.startAt;
    if (t !== undefined && Number.isFinite(v.duration)) v.currentTime = Math.min(t, Math.max(0, v.duration - 0.05));
  }

  private show(c: FeedCard): void {
    this.open = c;
    this.openedAt = performance.now();
    this.emit(c.id, 'click');
    void this.updateComplete.then(() => this.dialog.showModal());
  }

  /** Time spent looking at an item is a dwell event (on this device only). */
  private onClose = (): void => {
    if (!this.open) return;
    const dwellMs = performance.now() - this.openedAt;
    this.dispatchEvent(new CustomEvent('engage', { detail: { id: this.open.id, kind: 'dwell', dwellMs }, bubbles: true, composed: true }));
    this.open = null;
  };

  private renderCard(c: FeedCard) {
    const title = c.localTitle ?? c.title;
    const liked = this.liked.has(c.id) || this.likedIds.includes(c.id);
    return html`<li role="listitem" data-item-id=${c.id} data-category=${c.category}>
      <button class="thumb" aria-label=${`Open ${title}`} @click=${() => this.show(c)}>
        ${c.videoUrl ? html`<span class="play" aria-hidden="true">▶</span>` : nothing}
        ${c.imageUrl
          ? html`<img src=${c.imageUrl} alt=${title} width="64" height="64" loading="lazy" decoding="async" />`
          : c.glyph
            ? html`<span class="glyph" aria-hidden="true">${c.glyph}</span>`
            : html`<span class="tile" aria-hidden="true" style=${`--hue:${hueOf(c.category)}`}>${initials(title)}</span>`}
      </button>
      <span class="title">${title}</span>
      ${c.localTitle && c.localTitle !== c.title
        ? html`<span class="sub">${c.title}</span>`
        : c.subtitle ? html`<span class="sub">${c.subtitle}</span>` : html`<span></span>`}
      <span class="why">${c.why}</span>
      <span class="actions">
        <button aria-pressed=${liked ? 'true' : 'false'} aria-label=${`Like ${title}`} @click=${() => this.like(c.id)}>Like</button>
        <button aria-label=${`Not for me: ${title}`} @click=${() => this.skip(c.id, title)}>Not for me</button>
        ${c.own
          ? html`<button aria-label=${`Remove ${title} from this device`} @click=${() => this.dispatchEvent(new CustomEvent('remove', { detail: c.id, bubbles: true, composed: true }))}>Remove</button>`
          : nothing}
      </span>
    </li>`;
  }

  private skip(id: string, title: string): void {
    this.emit(id, 'skip');
    this.hiddenCard = { id, title };
    clearTimeout(this.hiddenTimer);
    this.hiddenTimer = setTimeout(() => (this.hiddenCard = null), UNDO_SHOWN_MS);
  }

  private undoSkip(): void {
    if (!this.hiddenCard) return;
    this.dispatchEvent(new CustomEvent('undo-skip', { detail: this.hiddenCard.id, bubbles: true, composed: true }));
    this.hiddenCard = null;
  }

  private like(id: string): void {
    this.liked.add(id);
    this.requestUpdate();
    this.emit(id, 'like');
  }

  private emit(id: string, kind: Kind): void {
    this.dispatchEvent(new CustomEvent('engage', { detail: { id, kind }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-feed': FeedView;
  }
}
