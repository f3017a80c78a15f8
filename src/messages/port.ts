// One-way typed messages on a MessagePort. A comlink call is always two messages (the call and its
// answer, even for a function returning void); a push that needs no answer (the llm worker telling
// the retrieval worker the new intent, the retrieval worker pushing a view to the page) is one.
// bench/app/turn-messages.ts counts them (bench/RESULTS-turn.md).

/** The sending end: posts `message` (structured-cloned) and returns at once. */
export type Push<M> = (message: M) => void;

export function pushTo<M>(port: MessagePort): Push<M> {
  return (message) => port.postMessage(message);
}

/**
 * Listens on `port` for messages of type M. Anything else that arrives (a message of another version,
 * a stray postMessage) is handed to `onStray` rather than trusted. Returns a function that stops listening.
 */
export function listen<M extends { type: string }>(
  port: MessagePort,
  types: readonly M['type'][],
  on: (message: M) => void,
  onStray: (data: unknown) => void = () => {},
): () => void {
  const known = new Set<string>(types);
  const handler = (e: MessageEvent): void => {
    const data: unknown = e.data;
    if (data && typeof data === 'object' && known.has((data as { type?: unknown }).type as string)) on(data as M);
    else onStray(data);
  };
  port.addEventListener('message', handler);
  port.start();
  return () => {
    port.removeEventListener('message', handler);
    port.close();
  };
}
