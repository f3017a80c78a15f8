// "What I remember": everything the app keeps about what the user wants, each thing with where it
// came from (the message that said it, or the card action, and when) and a button that forgets it
// on its own; the stored intent JSON below for the curious; "Clear intent" for everything at once.
// Renders what it is given and tells the shell what to forget; it never talks to a worker itself.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Intent } from '../core/intent.ts';
import type { Forgettable } from '../core/intent-forget.ts';
import type { EngagementMemory } from '../messages/retrieval.ts';
import type { ChatTurn } from '../store/db.ts';

export interface ForgetRequest {
  /** An intent entry (phrase, fact, place) by its text, or a card action by item id. */
  kind: Forgettable | 'like-action' | 'skip-action';
  text: string;
}

interface Row {
  kind: ForgetRequest['kind'];
  text: string;
  label: string;
  source: string;
}

/**
 * One formatter for every row: `toLocaleTimeString` with options builds a new Intl.DateTimeFormat per
 * call, which was the page's largest script cost per chat turn (840 ms over 30 turns in a CPU profile
 * of bench/app/turn-messages.ts's turns, 2026-11-30).
 */
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const time = (at: number) => clock.format(at);
const GROUPS: { kind: Forgettable; title: string }[] = [
  { kind: 'keyPhrases', title: 'Topics' },
  { kind: 'refinements', title: 'Narrowed to' },
  { kind: 'likes', title: 'You like' },
  { kind: 'dislikes', title: 'Not for you' },
  { kind: 'places', title: 'Places' },
  { kind: 'dates', title: 'Dates' },
  { kind: 'occasions', title: 'Occasions' },
  { kind: 'people', title: 'People' },
  { kind: 'expansions', title: 'Related (world knowledge)' },
];

@customElement('pr-intent')
export class IntentInspector extends LitElement {
  static override styles = css`
    :host { display: block; border-top: 1px solid #d9dce1; font-size: 0.82rem; }
    details { padding: 0.4rem 0.8rem; }
    summary { cursor: pointer; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    .chip { background: #e3ecfb; color: #173e82; border-radius: 1rem; padding: 0.05rem 0.5rem; }
    .chip.neg { background: #fbe6e3; color: #82231a; }
    h3 { font-size: 0.8rem; margin: 0.5rem 0 0.2rem; }
    ul { list-style: none; margin: 0; padding: 0; max-height: 16rem; overflow: auto; }
    li { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.1rem 0; }
    li .what { font-weight: 600; }
    li .src { opacity: 0.7; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    pre { max-height: 14rem; overflow: auto; background: #f2f3f6; padding: 0.5rem; border-radius: 0.4rem; margin: 0.4rem 0; font-size: 0.75rem; }
    button { font: inherit; font-size: 0.8rem; }
    @media (prefers-color-scheme: dark) {
      :host { border-color: #30343a; }
      pre { background: #1e2126; }
      .chip { background: #1f3357; color: #cfe0ff; }
      .chip.neg { background: #4a221d; color: #ffd6cf; }
    }
  `;

  @property({ attribute: false }) intent: Intent | null = null;
  @property({ attribute: false }) memory: EngagementMemory = { liked: [], skipped: [] };
  /** The conversation, to say which message a remembered thing came from. */
  @property({ attribute: false }) turns: ChatTurn[] = [];
  /** Whether the panel is open (its body is rendered only then). */
  @state() private open = false;
  /** The intent as JSON, written once per intent (the panel also re-renders when the turns or the memory change). */
  private json: { intent: Intent | null; text: string } = { intent: null, text: '{}' };

  private jsonOf(i: Intent | null): string {
    if (this.json.intent !== i) this.json = { intent: i, text: i ? JSON.stringify(i, null, 2) : '{}' };
    return this.json.text;
  }

  /** The message that last said something: turn counter -> the source turn's text. */
  private saidIn(lastTurn: number): string {
    const i = this.intent;
    if (!i) return '';
    const id = i.sourceTurnIds[i.sourceTurnIds.length - 1 - (i.turn - lastTurn)];
    const t = id ? this.turns.find((x) => x.id === id) : undefined;
    return t ? `from “${t.text.length > 60 ? `${t.text.slice(0, 59)}…` : t.text}” at ${time(t.createdAt)}` : 'from an earlier message';
  }

  private rows(): { title: string; rows: Row[] }[] {
    const i = this.intent;
    const out: { title: string; rows: Row[] }[] = [];
    if (i) {
      for (const g of GROUPS) {
        const list = g.kind === 'places' || g.kind === 'dates' || g.kind === 'occasions' || g.kind === 'people' ? i.information[g.kind] : i[g.kind];
        const rows = (list as { text: string; lastTurn: number; country?: string; reason?: string; not?: true }[]).map((x) => ({
          kind: g.kind, text: x.text,
          // A negated refinement keeps what lacks the property ("only the ones that can't fly").
          label: x.country ? `${x.text} (${x.country})` : x.reason ? `${x.text}: ${x.reason}` : x.not ? `not ${x.text}` : x.text,
          source: this.saidIn(x.lastTurn),
        }));
        if (rows.length > 0) out.push({ title: g.title, rows });
      }
    }
    const actions = (list: EngagementMemory['liked'], kind: 'like-action' | 'skip-action', verb: string) =>
      list.map((m) => ({ kind, text: m.itemId, label: m.title, source: `${verb} on its card at ${time(m.at)}` }));
    if (this.memory.liked.length > 0) out.push({ title: 'Cards you liked', rows: actions(this.memory.liked, 'like-action', 'liked') });
    if (this.memory.skipped.length > 0) out.push({ title: 'Cards you said are not for you', rows: actions(this.memory.skipped, 'skip-action', '“not for me”') });
    return out;
  }

  private forget(r: Row): void {
    this.dispatchEvent(new CustomEvent<ForgetRequest>('forget', { detail: { kind: r.kind, text: r.text }, bubbles: true, composed: true }));
  }

  override render() {
    const i = this.intent;
    const top = i ? [...i.keyPhrases].sort((a, b) => b.weight - a.weight).slice(0, 5) : [];
    // The memory list is built only while the panel is open: it changes with every view (a turn, a
    // card action) and nobody sees it closed. The JSON stays (tests and the performance panel read it).
    const groups = this.open ? this.rows() : [];
    return html`<details ?open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
      <summary>
        <span>What I understood</span>
        ${top.map((p) => html`<span class="chip" title=${`weight ${p.weight.toFixed(2)}`}>${p.text}</span>`)}
        ${(i?.dislikes ?? []).slice(0, 3).map((d) => html`<span class="chip neg">not ${d.text}</span>`)}
        ${i ? nothing : html`<span>(nothing yet)</span>`}
      </summary>
      ${this.open ? this.memoryList(groups) : nothing}
      <pre aria-label="Intent JSON">${this.jsonOf(i)}</pre>
      <button ?disabled=${!i} @click=${() => this.dispatchEvent(new CustomEvent('clear', { bubbles: true, composed: true }))}>Clear intent</button>
    </details>`;
  }

  private memoryList(groups: { title: string; rows: Row[] }[]) {
    return html`
      <section aria-label="What I remember">
        ${groups.length === 0 ? html`<p>Nothing remembered yet.</p>` : nothing}
        ${groups.map((g) => html`<h3>${g.title}</h3>
          <ul aria-label=${g.title}>
            ${g.rows.map((r) => html`<li>
              <span class="what">${r.label}</span><span class="src">${r.source}</span>
              <button aria-label=${`Forget ${r.label}`} @click=${() => this.forget(r)}>Forget</button>
            </li>`)}
          </ul>`)}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-intent': IntentInspector;
  }
}
