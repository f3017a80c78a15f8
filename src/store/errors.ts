// Errors a user can act on. Every IndexedDB failure leaves the store as a StoreError with a stable `kind`
// (the UI and the workers branch on it) and a message written for the person in front of the screen.

export const STORE_ERROR_KINDS = ['quota', 'blocked', 'closed', 'unavailable', 'newer-version', 'deleted', 'unknown'] as const;
export type StoreErrorKind = (typeof STORE_ERROR_KINDS)[number];

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export const ERROR_MESSAGES: Record<StoreErrorKind, string> = {
  quota: 'Storage is full: this message was not saved. Free some space in the browser and try again.',
  blocked: 'Another tab is holding an older version of this app open. Close it and reload.',
  closed: 'The database was closed by a newer version of this app in another tab. Reload this tab.',
  unavailable: 'This browser does not allow local storage here (private mode or disabled storage).',
  'newer-version': 'This data was written by a newer version of the app; reload to get it, or open read-only.',
  deleted: 'Your data was deleted in another tab: nothing is saved under the old identity. This tab starts fresh.',
  unknown: 'Saving failed.',
};

/** Maps a DOMException from IndexedDB to a StoreError a user can act on. */
export function toStoreError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const kind: StoreErrorKind =
    name === 'QuotaExceededError' ? 'quota'
    : name === 'InvalidStateError' ? 'closed'
    : name === 'SecurityError' ? 'unavailable'
    // Opening at a version lower than the one on disk: a newer build of the app upgraded this database.
    : name === 'VersionError' ? 'newer-version'
    : 'unknown';
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(kind, kind === 'unknown' ? `${ERROR_MESSAGES.unknown} (${detail})` : ERROR_MESSAGES[kind], err);
}
