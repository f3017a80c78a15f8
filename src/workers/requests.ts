// Worker-side cancellation: each request carries an id; the main thread cancels superseded ids.
// comlink cannot transfer an AbortSignal, so the signal lives here and the id crosses the boundary.
const controllers = new Map<number, AbortController>();

export function track(requestId: number): AbortSignal {
  const c = new AbortController();
  controllers.set(requestId, c);
  return c.signal;
}

export function cancel(requestId: number): void {
  controllers.get(requestId)?.abort(new DOMException('Superseded by a newer request', 'AbortError'));
  controllers.delete(requestId);
}

export function done(requestId: number): void {
  controllers.delete(requestId);
}

/** Wraps one request: tracks its signal for its lifetime. */
export async function withRequest<T>(requestId: number, run: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const signal = track(requestId);
  try {
    signal.throwIfAborted();
    return await run(signal);
  } finally {
    done(requestId);
  }
}

/** A test hook: an uncaught error in the worker's global scope, as a real crash would be. */
export function crashSoon(reason: string): void {
  setTimeout(() => {
    throw new Error(reason);
  }, 0);
}
