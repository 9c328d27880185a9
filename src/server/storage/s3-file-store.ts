import { createHash, randomUUID } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertSha256,
  type FileStore,
  FileStoreUnavailable,
  type StagedFile,
  type StoredFile,
} from './file-store.js';

export interface S3Location {
  bucket: string;
  /** Prepended to every key: empty, or ending in "/". */
  prefix: string;
}

/** S3's smallest part; an upload buffers at most `PART_BYTES × PARTS_IN_FLIGHT` in memory. */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Blobs in an S3-compatible bucket at `<prefix>ab/cd/<sha256>`, the local store's layout, so that a data folder's
 * `files` can be copied into a bucket as it is; staged bytes under `<prefix>tmp/`, which no reader uses and a
 * lifecycle rule may sweep.
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly client: S3Client,
    private readonly location: S3Location,
  ) {}

  static open(location: S3Location, client: S3ClientConfig): S3FileStore {
    // Checksums only where S3 requires them: the stores of Chinese clouds and older MinIO refuse the SDK's
    // default trailing checksums on streamed uploads, and every blob is already checked against its SHA-256.
    return new S3FileStore(
      new S3Client({
        ...client,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
      location,
    );
  }

  get temporaryPrefix(): string {
    return `${this.location.prefix}tmp/`;
  }

  async stage(source: Readable): Promise<StagedFile> {
    const key = `${this.temporaryPrefix}${randomUUID()}`;
    const hash = createHash('sha256');
    let size = 0;
    let sourceError: unknown;
    const digest = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const body = pipeline(source, digest, (error) => {
      if (error) sourceError = error;
    });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.location.bucket, Key: key, Body: body },
      partSize: PART_BYTES,
      queueSize: PARTS_IN_FLIGHT,
      // Aborts a multipart upload the source broke off, so that its parts do not linger unbilled.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // The source's own failure (a refused upload, a reset connection) is what the caller must see, not how
      // the upload or its abort then failed.
      throw sourceError ?? new FileStoreUnavailable(error);
    }
    return this.staged(key, hash.digest('hex'), size);
  }

  async put(source: Readable): Promise<StoredFile> {
    const staged = await this.stage(source);
    await staged.commit();
    return { sha256: staged.sha256, size: staged.size };
  }

  get(sha256: string): Readable {
    const key = this.keyOf(sha256);
    const { client, location } = this;
    // Lazy, like a file stream: the request goes out when the bytes are first read.
    return Readable.from(
      (async function* () {
        const object = await unavailableOnFailure(() =>
          client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key })),
        );
        yield* object.Body as Readable;
      })(),
      { objectMode: false },
    );
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== undefined;
  }

  async stat(sha256: string): Promise<StoredFile | undefined> {
    const size = await this.sizeOf(this.keyOf(sha256));
    return size === undefined ? undefined : { sha256, size };
  }

  private keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${this.location.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  private async sizeOf(key: string): Promise<number | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return undefined;
      throw new FileStoreUnavailable(error);
    }
  }

  private staged(key: string, sha256: string, size: number): StagedFile {
    const { client, location } = this;
    const target = this.keyOf(sha256);
    const remove = () =>
      unavailableOnFailure(() => client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: key })));
    let settled = false;
    return {
      sha256,
      size,
      read: async (position, length) => {
        const end = Math.min(position + length, size);
        // S3 answers an empty or unsatisfiable range with 416; the local store with no bytes.
        if (end <= position) return Buffer.alloc(0);
        return unavailableOnFailure(async () => {
          const object = await client.send(
            new GetObjectCommand({
              Bucket: location.bucket,
              Key: key,
              Range: `bytes=${position}-${end - 1}`,
            }),
          );
          return Buffer.from(await object.Body!.transformToByteArray());
        });
      },
      commit: async () => {
        if (settled) throw new Error('a staged file is committed or discarded once');
        settled = true;
        try {
          // A copy is published whole or not at all; equal hashes mean equal bytes, so an existing blob stays.
          if ((await this.sizeOf(target)) === undefined) {
            await unavailableOnFailure(() =>
              client.send(
                new CopyObjectCommand({
                  Bucket: location.bucket,
                  Key: target,
                  CopySource: `${location.bucket}/${key}`,
                }),
              ),
            );
          }
        } finally {
          await remove();
        }
      },
      discard: async () => {
        settled = true;
        await remove();
      },
    };
  }
}

/** Whatever fails between here and the bucket is the store's failure, not the request's. */
async function unavailableOnFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new FileStoreUnavailable(error);
  }
}
