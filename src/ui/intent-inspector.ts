// Shows what the app understood, as the stored intent JSON, and lets the user clear it.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Intent } from '../core/intent.ts';

@customElement('pr-intent')
export class IntentInspector extends LitElement {
  static override styles = css`
    :host { display: block; border-top: 1px solid #d9dce1; font-size: 0.82rem; }
    details { padding: 0.4rem 0.8rem; }
    summary { cursor: pointer; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    .chip { background: #e3ecfb; color: #173e82; border-radius: 1rem; padding: 0.05rem 0.5rem; }
    .chip.neg { background: #fbe6e3; color: #82231a; }
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

  override render() {
    const i = this.intent;
    const top = i ? [...i.keyPhrases].sort((a, b) => b.weight - a.weight).slice(0, 5) : [];
    return html`<details>
      <summary>
        <span>What I understood</span>
        ${top.map((p) => html`<span class="chip" title=${`weight ${p.weight.toFixed(2)}`}>${p.text}</span>`)}
        ${(i?.dislikes ?? []).slice(0, 3).map((d) => html`<span class="chip neg">not ${d.text}</span>`)}
        ${i ? nothing : html`<span>(nothing yet)</span>`}
      </summary>
      <pre aria-label="Intent JSON">${i ? JSON.stringify(i, null, 2) : '{}'}</pre>
      <button ?disabled=${!i} @click=${() => this.dispatchEvent(new CustomEvent('clear', { bubbles: true, composed: true }))}>Clear intent</button>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-intent': IntentInspector;
  }
}
