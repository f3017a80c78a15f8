// What every worker is told at start-up, and the one status callback they all report through.
// Shared by the page and the three workers; importing this never pulls a worker's code into the page.
import type { StatusListener } from '../core/status.ts';

export interface WorkerConfig {
  /** Absolute URL of the site's models folder: every file a worker fetches resolves against it. */
  modelsBaseUrl: string;
  /**
   * The page's context id. Every announcement a worker makes carries it, so this tab (the page and its
   * workers) never mistakes its own change for another tab's.
   */
  contextId: string;
  /** The user this tab serves (settings.userId, recovered by the page at start-up). */
  userId: string;
}

/** Every worker API has these: cancellation by request id, crash simulation, WASM memory report. */
export interface WorkerBase {
  cancel(requestId: number): void;
  crash(reason: string): void;
  memory(): { memories: number; bytes: number };
}

export type { StatusListener };
