// One line per worker: which engine, on which device, what it is doing, load progress, and why it
// restarted or is unavailable.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { WORKER_NAMES, type WorkerName, type WorkerStatus } from '../core/status.ts';

const LABEL: Record<WorkerName, string> = { llm: 'Understanding', encoder: 'Encoder', retrieval: 'Retrieval' };

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

@customElement('pr-status')
export class StatusBar extends LitElement {
  static override styles = css`
    :host { display: block; border-top: 1px solid #d9dce1; font-size: 0.75rem; padding: 0.3rem 1rem; background: rgba(127, 127, 127, 0.06); }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; }
    li { display: flex; gap: 0.4rem; align-items: center; }
    .state { font-weight: 600; }
    .ready .state { color: #1f7a3a; }
    .restarting .state, .error .state, .failed .state { color: #b3261e; }
    .unavailable .state { color: #8a6100; }
    progress { width: 6rem; height: 0.6rem; }
    .detail { opacity: 0.8; }
  `;

  @property({ attribute: false }) statuses: Record<WorkerName, WorkerStatus> | null = null;

  override render() {
    if (!this.statuses) return nothing;
    return html`<ul role="status" aria-label="Engine status">
      ${WORKER_NAMES.map((n) => this.renderOne(this.statuses![n]))}
    </ul>`;
  }

  private renderOne(s: WorkerStatus) {
    const p = s.progress;
    return html`<li class=${s.state} data-worker=${s.worker} data-state=${s.state}>
      <span>${LABEL[s.worker]}:</span>
      <span class="engine">${s.engine}</span>
      <span class="device">(${s.device})</span>
      <span class="state">${s.state}</span>
      ${p
        ? html`<progress max=${p.totalBytes || 1} value=${p.totalBytes ? p.loadedBytes : 0} aria-label=${`Loading ${p.label}`}></progress>
            <span>${p.label} ${mb(p.loadedBytes)}${p.totalBytes ? ` / ${mb(p.totalBytes)}` : ''}</span>`
        : nothing}
      ${s.detail ? html`<span class="detail">${s.detail}</span>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-status': StatusBar;
  }
}
