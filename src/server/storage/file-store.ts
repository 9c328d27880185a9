import type { Readable } from 'node:stream';

/** A blob as the store knows it: its SHA-256 (lower-case hex) is its only name. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * Bytes received in full and hashed, but not yet visible under their hash: `commit` publishes them, `discard`
 * drops them. Until then `read` lets checks look anywhere in the file without loading it whole.
 */
export interface StagedFile extends StoredFile {
  read(position: number, length: number): Promise<Buffer>;
  /** Makes the bytes readable under `sha256`. A blob already stored under that hash is left as it is. */
  commit(): Promise<void>;
  /** Removes the staged bytes; safe to call again, and after `commit` (when it does nothing). */
  discard(): Promise<void>;
}

/**
 * Content-addressed file storage. Files are named by the SHA-256 of their bytes and never by a name a user
 * gave, so equal files are stored once and a stored file never changes.
 *
 * What every implementation (local disk, or an S3-compatible object store) must honour:
 * - `stage` streams: it never holds the whole file in memory. The local store writes a temporary file; an
 *   object store uploads to a temporary key (multipart upload for large files) under a prefix no reader
 *   uses, hashing the bytes as they pass.
 * - If the source stream fails, `stage` rejects with the source's error and leaves nothing behind: the
 *   temporary file is deleted, an incomplete multipart upload is aborted.
 * - `StagedFile.read` reads a byte range of the staged bytes (an object store: a ranged GET).
 * - `commit` publishes the bytes under the key `sha256` only once they are complete (an object store: copy the
 *   temporary key to the final key, then delete the temporary key), so a reader never sees a partial blob. It is
 *   idempotent: when the key already exists the staged copy is dropped, since equal hashes mean equal bytes.
 * - The temporary area may be swept of entries older than a day; a crash cannot leave a partial final key.
 * - Blobs are never overwritten or deleted by this interface; garbage collection of unreferenced blobs is a
 *   separate task.
 */
export interface FileStore {
  stage(source: Readable): Promise<StagedFile>;
  /** `stage` then `commit`. */
  put(source: Readable): Promise<StoredFile>;
  /** The stored bytes; the stream fails if there is no such blob (check with `has` first). */
  get(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
  stat(sha256: string): Promise<StoredFile | undefined>;
}

/**
 * The store could not be reached or refused the request (a network failure, a 5xx, wrong credentials): nothing
 * the client did, and it may retry. Answered 503; the cause goes to the log.
 */
export class FileStoreUnavailable extends Error {
  override name = 'FileStoreUnavailable';

  constructor(cause: unknown) {
    super('the file store is unavailable', { cause });
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Guards every path or key built from a hash: nothing but 64 hex digits may reach the file system. */
export function assertSha256(value: string): string {
  if (!SHA256.test(value)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(value)}`);
  return value;
}
