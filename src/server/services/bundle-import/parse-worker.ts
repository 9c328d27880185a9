import { parentPort } from 'node:worker_threads';
import { readBundle } from './read.js';

// A parse worker of BundleReader (reader.ts): one bundle at a time, off the main thread.
parentPort!.on('message', (bytes: Uint8Array) => parentPort!.postMessage(readBundle(bytes)));
