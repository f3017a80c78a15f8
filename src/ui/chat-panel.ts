// The conversation and the message box. Enter sends, Shift+Enter breaks the line.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatTurn } from '../store/db.ts';

@customElement('pr-chat')
export class ChatPanel extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-rows: 1fr auto; min-height: 0; }
    .log { overflow-y: auto; padding: 0.8rem 1rem; }
    .turns { display: flex; flex-direction: column; gap: 0.5rem; }
    .empty { opacity: 0.7; font-size: 0.9rem; line-height: 1.4; }
    .turn { max-width: 85%; padding: 0.45rem 0.7rem; border-radius: 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.35; }
    .user { align-self: flex-end; background: var(--pr-accent, #2f6fde); color: var(--pr-on-accent, white); border-bottom-right-radius: 0.2rem; }
    .assistant { align-self: flex-start; background: #e7e9ee; border-bottom-left-radius: 0.2rem; }
    .meta { display: block; font-size: 0.72rem; opacity: 0.75; margin-top: 0.2rem; }
    .blocked, .failed { outline: 2px solid #d9822b; }
    .pending { opacity: 0.7; }
    form { display: flex; gap: 0.5rem; padding: 0.6rem; border-top: 1px solid #d9dce1; align-items: flex-end; }
    textarea { flex: 1; resize: none; font: inherit; padding: 0.5rem; border-radius: 0.5rem; border: 1px solid #b9bec7; min-height: 2.4rem; max-height: 8rem; box-sizing: border-box; background: inherit; color: inherit; }
    button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.5rem; border: none; background: var(--pr-accent, #2f6fde); color: var(--pr-on-accent, white); cursor: pointer; }
    button:disabled { opacity: 0.5; cursor: default; }
    @media (prefers-color-scheme: dark) {
      .assistant { background: #2a2e35; }
      form { border-color: #30343a; }
      textarea { border-color: #4a4f58; }
    }
  `;

  @property({ attribute: false }) turns: ChatTurn[] = [];
  @property({ type: Boolean }) disabled = false;
  @query('textarea') private box!: HTMLTextAreaElement;
  @query('.log') private log!: HTMLElement;
  @query('.turns') private content!: HTMLElement;

  /**
   * Keeps the newest turn in view when the turns grow or the log itself shrinks. Reading scrollHeight
   * right after a render (in `updated`) forced a synchronous layout of the whole page twice a turn (91
   * dirty objects: 78 ms, 26 ms of it on the CPU, in a trace of bench/app/turn-messages.ts's turns,
   * 2026-11-30), the second just before the feed's view arrived; a ResizeObserver is told after the
   * frame's own layout, when reading it costs nothing.
   */
  private readonly pin = new ResizeObserver(() => {
    if (this.log) this.log.scrollTop = this.log.scrollHeight;
  });

  override firstUpdated(): void {
    this.observe();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observe(); // connected again after a move
  }

  private observe(): void {
    this.pin.observe(this.content);
    this.pin.observe(this.log);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pin.disconnect();
  }

  override render() {
    return html`
      <div class="log" role="log" aria-label="Conversation" aria-live="polite">
        <div class="turns">
          ${this.turns.length === 0
            ? html`<p class="empty">Tell me what you are in the mood for: "I want to see food", "more cats, no dogs",
                "서울 길거리 음식 보고 싶어". The feed changes as you talk.</p>`
            : repeat(this.turns, (t) => t.id, (t) => this.renderTurn(t)) /* keyed: the window of shown turns slides */}
        </div>
      </div>
      <form @submit=${this.onSubmit}>
        <textarea
          aria-label="Message"
          rows="1"
          maxlength="4000"
          placeholder="Message"
          ?disabled=${this.disabled}
          @keydown=${this.onKey}
        ></textarea>
        <button type="submit" ?disabled=${this.disabled}>Send</button>
      </form>
    `;
  }

  private renderTurn(t: ChatTurn) {
    const note = t.status === 'pending' ? 'thinking…' : t.status === 'ok' ? '' : (t.note ?? t.status);
    // No whitespace around the text: the bubble keeps the user's own line breaks (pre-wrap).
    return html`<div class="turn ${t.role} ${t.status}" data-turn-id=${t.id} data-status=${t.status}>${t.text}${note ? html`<span class="meta">${note}</span>` : nothing}</div>`;
  }

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.submit();
    }
  };

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    this.submit();
  };

  private submit(): void {
    const text = this.box.value.trim();
    if (!text || this.disabled) return;
    this.box.value = '';
    this.dispatchEvent(new CustomEvent('send', { detail: text, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-chat': ChatPanel;
  }
}
