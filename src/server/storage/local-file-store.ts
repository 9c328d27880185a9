import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, link, mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSha256, type FileStore, type StagedFile, type StoredFile } from './file-store.js';

/**
 * Blobs on local disk at `<root>/ab/cd/<sha256>`; staged bytes in `<root>/tmp`, on the same file system so
 * that publishing is a hard link: atomic, and refused when the blob exists (which makes `commit` idempotent).
 */
export class LocalFileStore implements FileStore {
  readonly temporaryDir: string;

  constructor(readonly root: string) {
    this.temporaryDir = join(root, 'tmp');
  }

  async stage(source: Readable): Promise<StagedFile> {
    await mkdir(this.temporaryDir, { recursive: true });
    const path = join(this.temporaryDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const digest = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // Created before the bytes flow: a stream opening it itself may do so after a failed pipeline has settled
    // and the file was removed, leaving it behind (CI found one after a refused empty upload).
    const file = await open(path, 'wx');
    try {
      await pipeline(source, digest, file.createWriteStream({ flush: true }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return this.staged(path, hash.digest('hex'), size);
  }

  async put(source: Readable): Promise<StoredFile> {
    const staged = await this.stage(source);
    await staged.commit();
    return { sha256: staged.sha256, size: staged.size };
  }

  get(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== undefined;
  }

  async stat(sha256: string): Promise<StoredFile | undefined> {
    try {
      return { sha256, size: (await stat(this.pathOf(sha256))).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private staged(path: string, sha256: string, size: number): StagedFile {
    const target = this.pathOf(sha256);
    let settled = false;
    return {
      sha256,
      size,
      async read(position, length) {
        const file = await open(path, 'r');
        try {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
          const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
          return buffer.subarray(0, bytesRead);
        } finally {
          await file.close();
        }
      },
      async commit() {
        if (settled) throw new Error('a staged file is committed or discarded once');
        settled = true;
        try {
          await chmod(path, 0o444);
          await mkdir(dirname(target), { recursive: true });
          await link(path, target).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          });
        } finally {
          await rm(path, { force: true });
        }
      },
      async discard() {
        settled = true;
        await rm(path, { force: true });
      },
    };
  }
}
