import { parentPort } from 'node:worker_threads';
import type { CallParameters } from '../../core/calls/parameters.js';
import { BundleCollector } from '../services/bundles.js';
import { crossCheckResults, type CrossCheckInput } from './cross-check-work.js';

// The worker thread of a cross-check (started by cross-check-thread.ts): the call and the bundle arrive in parts,
// the results go back one step at a time. A failure ends the thread with the error, which the job hears.

let call: CallParameters | undefined;
const bundle = new BundleCollector();
const received = new Set<string>();

parentPort!.on('message', (message: CrossCheckInput) => {
  switch (message.kind) {
    case 'call':
      call = message.call;
      return;
    case 'received':
      for (const id of message.ids) received.add(id);
      return;
    case 'end':
      void (async () => {
        for await (const result of crossCheckResults(call!, bundle.bundle(), received)) {
          parentPort!.postMessage(result);
        }
      })();
      return;
    default:
      bundle.add(message);
  }
});
