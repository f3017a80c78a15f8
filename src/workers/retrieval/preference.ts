// Preference-tuned search (opt-in): a low-rank adapter on the CLIP query, trained offline on labelled
// pairs and then, on this device, on the user's own clicks (skip-above pairs). The adapter lives in
// IndexedDB per model; nothing leaves the device.
import { z } from 'zod';
import { adapterToJson, applyAdapter, parseAdapter, type TextAdapter, trainAdapterOnClicks } from '../../core/preference/adapter.ts';
import { clicksToPairs } from '../../core/preference/clicklog.ts';
import { normalised } from '../../core/vector.ts';
import type { PreferenceView } from '../../messages/retrieval.ts';
import type { Store } from '../../store/db.ts';

/** SGD settings for learning from one click (src/core/preference/adapter.ts; lr as in its unit tests). */
export const ON_DEVICE_PREFERENCE_TRAINING = { lr: 0.02, epochs: 10, l2: 1e-4 } as const;

const DeviceAdapterSchema = z.object({ adapter: z.unknown(), learnedFrom: z.number().int().min(0) });

export interface ShownSearch {
  catalogId: string;
  query: string;
  shown: string[];
  /** The CLIP query vector (mean of the wanted phrases, before any adapter). */
  vector?: Float32Array;
}

export class Preference {
  view: PreferenceView = { enabled: false, model: null, error: null, learnedFrom: 0 };
  private readonly adapters = new Map<string, Promise<TextAdapter>>();

  constructor(
    private readonly modelsBase: URL,
    private readonly store: () => Promise<Store>,
  ) {}

  /** The adapter for `model` when preference tuning is on and usable; null otherwise (the reason in `view.error`). */
  async active(model: string): Promise<TextAdapter | null> {
    if (!this.view.enabled) return null;
    let p = this.adapters.get(model);
    if (!p) {
      p = this.load(model);
      this.adapters.set(model, p);
    }
    try {
      const a = await p;
      this.view = { ...this.view, model: a.baseModel, error: null };
      return a;
    } catch (err) {
      this.view = { ...this.view, error: `Preference tuning is unavailable: ${err instanceof Error ? err.message : String(err)}` };
      return null;
    }
  }

  apply(adapter: TextAdapter | null, v: Float32Array): Float32Array {
    return adapter ? normalised(applyAdapter(adapter, v)) : v;
  }

  private async load(model: string): Promise<TextAdapter> {
    const [identity, json] = await Promise.all(
      [`${model}/identity.json`, 'preference/adapter.json'].map(async (f) => {
        const r = await fetch(new URL(f, this.modelsBase));
        if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      }),
    );
    const modelId = z.object({ modelId: z.string() }).parse(identity).modelId;
    const dim = z.object({ dim: z.number() }).parse(json).dim;
    const shipped = parseAdapter(json, { modelId, dim });
    // This device's adapter, if clicks have trained one for this model; a stale or corrupt one is ignored.
    const mine = await (await this.store()).getSetting(`preferenceAdapter:${modelId}`, DeviceAdapterSchema);
    if (mine) {
      try {
        const a = parseAdapter(mine.adapter, { modelId, dim });
        this.view = { ...this.view, learnedFrom: mine.learnedFrom };
        return a;
      } catch {
        /* fall back to the shipped adapter */
      }
    }
    return shipped;
  }

  /**
   * A click on the n-th result of a search is a pairwise example (the clicked item over each item
   * shown above it); the adapter in use takes a few SGD steps on it and is stored for this model.
   */
  async learnFromClick(model: string, search: ShownSearch, clicked: string, vectorsOf: (ids: string[]) => (Float32Array | null)[]): Promise<boolean> {
    if (!search.vector) return false;
    const pairs = clicksToPairs({ query: search.query, catalogId: search.catalogId, shown: search.shown, clicked, at: 0 });
    if (pairs.length === 0) return false;
    const adapter = await this.active(model);
    if (!adapter) return false;
    const vecs = vectorsOf([clicked, ...pairs.map((p) => p.rejected)]);
    const preferred = vecs[0];
    if (!preferred) return false;
    const examples = pairs.flatMap((_, i) => {
      const rejected = vecs[i + 1];
      return rejected ? [{ q: search.vector!, preferred, rejected }] : [];
    });
    const next = trainAdapterOnClicks(adapter, examples, ON_DEVICE_PREFERENCE_TRAINING);
    const learnedFrom = this.view.learnedFrom + 1;
    await (await this.store()).putSetting(`preferenceAdapter:${adapter.baseModel}`, { adapter: adapterToJson(next), learnedFrom });
    this.adapters.set(model, Promise.resolve(next));
    this.view = { ...this.view, learnedFrom };
    return true;
  }
}
