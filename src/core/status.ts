// What each worker reports about itself; the status bar renders it.
export const WORKER_NAMES = ['llm', 'encoder', 'retrieval'] as const;
export type WorkerName = (typeof WORKER_NAMES)[number];

export const WORKER_STATES = ['idle', 'loading', 'ready', 'unavailable', 'error', 'restarting', 'failed'] as const;
export type WorkerState = (typeof WORKER_STATES)[number];

export interface LoadProgress {
  label: string;
  loadedBytes: number;
  /** 0 when the total is unknown. */
  totalBytes: number;
}

export interface WorkerStatus {
  worker: WorkerName;
  state: WorkerState;
  /** The engine doing the work: "compact", "web-llm SmolLM2-360M", "transformers.js CLIP", "lexical". */
  engine: string;
  /** Where it runs: "webgpu", "wasm", "js". */
  device: string;
  progress?: LoadProgress;
  /** A sentence for the user: why it is unavailable, what crashed, what is loading. */
  detail?: string;
}

export type StatusListener = (status: WorkerStatus) => void;
