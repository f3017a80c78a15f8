// The app shell: chat on one side, the feed on the other (stacked on narrow screens), the intent
// inspector and the status bar. It re-renders from the Recommender's state on every change.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppState, Recommender, VideoTask } from '../app/recommender.ts';
import './chat-panel.ts';
import './feed-view.ts';
import type { ForgetRequest } from './intent-inspector.ts';
import './intent-inspector.ts';
import './status-bar.ts';

const OFFLINE_LABEL: Record<AppState['offline'], string> = {
  unknown: '',
  caching: 'Saving for offline use…',
  ready: 'Works offline',
  unsupported: '',
  error: 'Offline use unavailable',
};

function download(text: string, type: string, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const VIDEO_STAGE: Record<VideoTask['stage'], string> = {
  reading: 'reading the video…',
  embedding: 'embedding the keyframes…',
  saving: 'saving on this device…',
  done: 'ready.',
  failed: 'not added.',
};

@customElement('pr-app')
export class AppShell extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-rows: auto auto auto 1fr auto; height: 100vh; box-sizing: border-box; }
    header { display: flex; align-items: center; gap: 1rem; padding: 0.6rem 1rem; border-bottom: 1px solid #d9dce1; flex-wrap: wrap; }
    h1 { font-size: 1.05rem; margin: 0; font-weight: 650; }
    .privacy, .offline { font-size: 0.8rem; opacity: 0.75; }
    .offline[data-offline='ready'] { color: #1f7a3a; opacity: 1; }
    .spacer { flex: 1; }
    label { font-size: 0.85rem; display: flex; gap: 0.4rem; align-items: center; }
    select { font: inherit; padding: 0.2rem 0.4rem; max-width: 22rem; }
    button.link { background: none; border: none; color: inherit; text-decoration: underline; cursor: pointer; font: inherit; font-size: 0.8rem; opacity: 0.8; }
    .banner { margin: 0; padding: 0.5rem 1rem; background: #fff4d6; color: #4a3a00; border-bottom: 1px solid #e8d38e; display: flex; gap: 1rem; align-items: center; }
    .banner button { margin-left: auto; }
    main { display: grid; grid-template-columns: minmax(280px, 2fr) 3fr; min-height: 0; position: relative; }
    main.dropping::after { content: 'Drop the video to make it searchable (it stays on this device)'; position: absolute; inset: 0.5rem; display: grid; place-items: center;
      border: 3px dashed var(--pr-accent, #2f6fde); border-radius: 1rem; background: color-mix(in srgb, var(--pr-accent, #2f6fde) 8%, transparent); font-weight: 600; pointer-events: none; }
    .video-task { margin: 0; padding: 0.35rem 1rem; font-size: 0.8rem; border-bottom: 1px solid #d9dce1; }
    .video-task[data-stage='failed'] { background: #fde8e8; color: #7a1f1f; }
    .video-task[data-stage='done'] { color: #1f7a3a; }
    input[type='file'] { display: none; }
    .left { display: grid; grid-template-rows: 1fr auto; min-height: 0; border-right: 1px solid #d9dce1; }
    pr-feed { min-height: 0; overflow: auto; }
    @media (max-width: 760px) {
      :host { height: auto; min-height: 100vh; }
      main { grid-template-columns: 1fr; }
      .left { border-right: none; border-bottom: 1px solid #d9dce1; min-height: 60vh; }
    }
    @media (prefers-color-scheme: dark) {
      header, .left { border-color: #30343a; }
      .banner { background: #3a3210; color: #f5e6a8; border-color: #5c4f1a; }
    }
  `;

  @property({ attribute: false }) recommender: Recommender | null = null;
  @state() private s: AppState | null = null;
  @state() private dropping = false;
  private readonly onChange = (): void => {
    this.s = this.recommender?.state ?? null;
  };
  private subscribed: Recommender | null = null;
  /**
   * The liked item ids, rebuilt only when the memory changes: a new array on every state change (a chat
   * turn, a status line) made the feed re-render its cards each time.
   */
  private likedIds: { memory: AppState['memory'] | null; ids: string[] } = { memory: null, ids: [] };

  private likedIdsOf(memory: AppState['memory']): string[] {
    if (this.likedIds.memory !== memory) this.likedIds = { memory, ids: memory.liked.map((m) => m.itemId) };
    return this.likedIds.ids;
  }

  override willUpdate(): void {
    if (this.recommender && this.subscribed !== this.recommender) {
      this.subscribed?.removeEventListener('change', this.onChange);
      this.recommender.addEventListener('change', this.onChange);
      this.subscribed = this.recommender;
      this.s = this.recommender.state;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = null;
  }

  override render() {
    const s = this.s;
    const rec = this.recommender;
    if (!s || !rec) return html`<p>Starting…</p>`;
    const catalogs = s.catalogs?.catalogs ?? [];
    return html`
      <header part="header">
        <h1>Private recommender</h1>
        <span class="privacy">Runs on this device. Nothing you type leaves it.</span>
        <span class="offline" data-offline=${s.offline}>${OFFLINE_LABEL[s.offline]}</span>
        <span class="spacer"></span>
        ${catalogs.length > 1
          ? html`<label>Catalog
              <select aria-label="Catalog" .value=${s.catalogId} @change=${(e: Event) => void rec.selectCatalog((e.target as HTMLSelectElement).value)}>
                ${catalogs.map((c) => html`<option value=${c.id} ?selected=${c.id === s.catalogId}>${c.name}</option>`)}
              </select></label>`
          : nothing}
        ${s.u2i
          ? html`<label>Demo user
              <select aria-label="Demo user" @change=${(e: Event) => void rec.selectDemoUser((e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!s.u2i.selected}>New visitor (cold start)</option>
                ${s.u2i.demoUsers.map((u) => html`<option value=${u.userId} ?selected=${u.userId === s.u2i!.selected}>User ${u.userId}: ${u.description}</option>`)}
              </select></label>
              ${s.u2i.source === 'on-device' ? html`<span class="privacy">profile refined on this device</span>` : nothing}`
          : nothing}
        <button class="link" @click=${() => (this.renderRoot.querySelector('input[type=file]') as HTMLInputElement).click()}>Add a video</button>
        <input type="file" accept="video/*" aria-label="Add a video" @change=${(e: Event) => this.pick(rec, e)} />
        <label title=${s.preference.error ?? 'The CLIP query passes through an adapter trained on labelled preference pairs (training/RESULTS-preference.md)'}>
          <input type="checkbox" .checked=${s.preference.enabled} @change=${(e: Event) => void rec.setPreferenceTuned((e.target as HTMLInputElement).checked)} />
          Preference-tuned search${s.preference.enabled && s.preference.learnedFrom > 0 ? html`<span class="privacy">(learned from ${s.preference.learnedFrom} click${s.preference.learnedFrom === 1 ? '' : 's'} here)</span>` : nothing}</label>
        <button class="link" @click=${() => void this.exportData(rec)}>Export my data</button>
        <button class="link" @click=${() => void this.exportSearchLog(rec)}>Export search log</button>
        <button class="link" @click=${() => this.forget(rec)}>Delete my data</button>
      </header>
      ${s.banner
        ? html`<p class="banner" part="banner" role="alert">${s.banner}<button @click=${() => rec.dismissBanner()}>Dismiss</button></p>`
        : html`<span></span>`}
      ${s.videoTask
        ? html`<p class="video-task" role="status" data-stage=${s.videoTask.stage}>${s.videoTask.name}: ${VIDEO_STAGE[s.videoTask.stage]}${s.videoTask.detail ? html` ${s.videoTask.detail}` : nothing}</p>`
        : html`<span></span>`}
      <main class=${this.dropping ? 'dropping' : ''}
        @dragover=${(e: DragEvent) => this.dragOver(e)}
        @dragleave=${() => (this.dropping = false)}
        @drop=${(e: DragEvent) => this.drop(rec, e)}>
        <div class="left" part="chat">
          <pr-chat .turns=${s.turns} .disabled=${s.phase !== 'ready'} @send=${(e: CustomEvent<string>) => void rec.send(e.detail)}></pr-chat>
          <pr-intent .intent=${s.intent} .memory=${s.memory} .turns=${s.turns} @clear=${() => void rec.clearIntent()}
            @forget=${(e: CustomEvent<ForgetRequest>) => void this.forgetOne(rec, e.detail)}></pr-intent>
        </div>
        <pr-feed
          part="feed"
          .cards=${s.feed}
          .phase=${s.phase}
          .feedMs=${s.feedMs}
          .refining=${s.refining}
          .language=${s.intent?.language ?? 'en'}
          .likedIds=${this.likedIdsOf(s.memory)}
          @undo-skip=${(e: CustomEvent<string>) => void rec.forgetAction(e.detail, 'skip')}
          @engage=${(e: CustomEvent<{ id: string; kind: 'like' | 'skip' | 'click' | 'dwell'; dwellMs?: number }>) =>
            void rec.engage(e.detail.id, e.detail.kind, e.detail.dwellMs)}
          @remove=${(e: CustomEvent<string>) => {
            if (confirm('Remove this video from this device? Its file and vectors are deleted.')) void rec.removeVideo(e.detail);
          }}
        ></pr-feed>
      </main>
      <pr-status part="status" .statuses=${s.statuses}></pr-status>
    `;
  }

  private forgetOne(rec: Recommender, r: ForgetRequest): Promise<void> {
    if (r.kind === 'like-action') return rec.forgetAction(r.text, 'like');
    if (r.kind === 'skip-action') return rec.forgetAction(r.text, 'skip');
    return rec.forgetInIntent(r.kind, r.text);
  }

  private dragOver(e: DragEvent): void {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    this.dropping = true;
  }

  private drop(rec: Recommender, e: DragEvent): void {
    e.preventDefault();
    this.dropping = false;
    const file = [...(e.dataTransfer?.files ?? [])].find((f) => f.type.startsWith('video/')) ?? e.dataTransfer?.files[0];
    if (file) void rec.addVideo(file);
  }

  private pick(rec: Recommender, e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void rec.addVideo(file);
  }

  private async exportData(rec: Recommender): Promise<void> {
    download(await rec.exportData(), 'application/json', `private-recommender-${new Date().toISOString().slice(0, 10)}.json`);
  }

  /** Search log as JSONL (query, shown, clicked): what training/preference.py reads with --clicks. */
  private async exportSearchLog(rec: Recommender): Promise<void> {
    download(await rec.exportSearchLog(), 'application/x-ndjson', `search-log-${new Date().toISOString().slice(0, 10)}.jsonl`);
  }

  private forget(rec: Recommender): void {
    if (confirm('Delete everything this app stored on this device (chat, interests, likes)?')) void rec.forgetMe();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-app': AppShell;
  }
}
