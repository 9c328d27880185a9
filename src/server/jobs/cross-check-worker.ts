import { parentPort, workerData } from 'node:worker_threads';
import type { BundleInput } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { crossCheckResults } from './cross-check-work.js';

// The worker thread of a cross-check (started by cross-check-thread.ts): the bundle arrives in parts, the
// results go back one step at a time. A failure ends the thread with the error, which the job hears.

type Inbound = { kind: 'part'; key: string; items: unknown[] } | { kind: 'end'; rest: object };

const { call, received } = workerData as { call: CallParameters; received: string[] };
const parts: Record<string, unknown[]> = {};

parentPort!.on('message', (message: Inbound) => {
  if (message.kind === 'part') {
    (parts[message.key] ??= []).push(...message.items);
    return;
  }
  const input = { ...message.rest, ...parts } as unknown as BundleInput;
  void (async () => {
    for await (const result of crossCheckResults(call, input, new Set(received))) {
      parentPort!.postMessage(result);
    }
  })();
});
