import type { FileStoreConfig } from '../config.js';
import type { FileStore } from './file-store.js';
import { LocalFileStore } from './local-file-store.js';
import { S3FileStore } from './s3-file-store.js';

/** The store the configuration names: local disk, or an S3-compatible bucket. */
export function openFileStore(config: FileStoreConfig): FileStore {
  if (config.kind === 'local') return new LocalFileStore(config.root);
  return S3FileStore.open(
    { bucket: config.bucket, prefix: config.prefix },
    {
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
    },
  );
}
