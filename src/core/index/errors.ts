// Every way an index file can be refused, mapped to one message in one table, so the retrieval worker
// (and the person reading its log) can tell "wrong model" from "corrupt download" from "network".

export const INDEX_FILE_ERROR_CODES = [
  'bad-magic', // not an index file at all (an HTML error page, a JSON file, ...)
  'unsupported-version', // a format version this build cannot read
  'invalid-header', // header fields out of range or inconsistent
  'truncated', // fewer bytes than the header promises
  'trailing-bytes', // more bytes than the header promises
  'checksum-mismatch', // payload or header corrupted
  'invalid-ids', // id offset table inconsistent (checksum passed: an encoder bug)
  'dim-mismatch', // built for a different embedding size than the caller's model
  'model-mismatch', // built by a different embedding model
  'http-status', // the fetch answered with an error status
  'no-body', // a response without a body
  'aborted', // the caller's AbortSignal fired
] as const;
export type IndexFileErrorCode = (typeof INDEX_FILE_ERROR_CODES)[number];

const SUMMARY: Readonly<Record<IndexFileErrorCode, string>> = Object.freeze({
  'bad-magic': 'not an embedding index file',
  'unsupported-version': 'index format version not supported',
  'invalid-header': 'index header is invalid',
  truncated: 'index file is truncated',
  'trailing-bytes': 'index file is longer than its header says',
  'checksum-mismatch': 'index file is corrupt (checksum mismatch)',
  'invalid-ids': 'index id table is invalid',
  'dim-mismatch': 'index was built for a different embedding dimension',
  'model-mismatch': 'index was built by a different embedding model',
  'http-status': 'index download failed',
  'no-body': 'index response has no body',
  aborted: 'index load aborted',
});

/** A refused index file or download. `code` is stable; `message` adds the numbers for a person. */
export class IndexFileError extends Error {
  override readonly name = 'IndexFileError';
  readonly code: IndexFileErrorCode;

  constructor(code: IndexFileErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${SUMMARY[code]}: ${detail}` : SUMMARY[code], options);
    this.code = code;
  }
}

export function isIndexFileError(err: unknown, code?: IndexFileErrorCode): err is IndexFileError {
  return err instanceof IndexFileError && (code === undefined || err.code === code);
}
