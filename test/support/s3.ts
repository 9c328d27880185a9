import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import type { FileStore } from '../../src/server/storage/file-store.js';
import { openFileStore } from '../../src/server/storage/index.js';

/** s3rver's only account. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const REGION = 'us-east-1';

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** FILE_STORE and the S3 variables that point an app at the bucket, under `prefix`. */
  env(prefix?: string): Record<string, string>;
  /** A store on the bucket under `prefix`, built from `env` as the app builds its own. */
  store(prefix?: string): FileStore;
  /** The bucket's keys that start with `prefix`, listed through the S3 API. */
  keys(prefix?: string): Promise<string[]>;
  /** Multipart uploads begun and neither completed nor aborted. */
  openUploads(): string[];
  close(): Promise<void>;
}

/**
 * A real S3 protocol server (s3rver) on a loopback port, keeping its objects in a temporary folder, with one
 * bucket. s3rver lacks AbortMultipartUpload, which S3 and MinIO have; it is answered here as S3 does (the
 * upload's parts go), so that a test sees whether a store aborts what it began.
 */
export async function startS3(bucket = 'shenbao-test'): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'shenbao-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const uploads = server.store.getResourcePath(bucket, undefined, 'uploads');
  const [koa] = server.httpServer.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  server.httpServer.removeAllListeners('request');
  server.httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://s3');
    const uploadId = url.searchParams.get('uploadId');
    if (request.method !== 'DELETE' || !uploadId) return koa!(request, response);
    rm(join(uploads, uploadId.replace(/[^0-9a-f]/g, '')), { recursive: true, force: true }).then(
      () => response.writeHead(204).end(),
      () => response.writeHead(500).end(),
    );
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: REGION, endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  const env = (prefix = '') => ({
    FILE_STORE: `s3://${bucket}${prefix ? `/${prefix}` : ''}`,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
  });
  return {
    endpoint,
    bucket,
    env,
    store(prefix) {
      return openFileStore(
        loadConfig({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: directory, ...env(prefix) }).fileStore,
      );
    },
    async keys(prefix = '') {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((object) => object.Key!));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    openUploads() {
      try {
        return readdirSync(uploads);
      } catch {
        return [];
      }
    },
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An S3 server for the test file: started before its tests, stopped after. */
export function useS3(bucket?: string): S3Server {
  const context = {} as S3Server;
  let server: S3Server | undefined;
  beforeAll(async () => {
    server = await startS3(bucket);
    Object.assign(context, server);
  });
  afterAll(() => server?.close());
  return context;
}
