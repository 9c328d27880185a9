import { on } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import type { BundleInput } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import type { CrossCheckMessage } from './cross-check-work.js';
import { startWorker } from './worker-thread.js';

// The job's side of the cross-check's worker thread. Copying a message between threads holds both, so the
// bundle goes over in parts of PART items, a turn of the event loop between two, and the results come back
// a step at a time: the instance keeps answering requests throughout.

const PART = 500;

/** The results of the run, computed in a worker thread; leaving the loop early stops the thread. */
export async function* crossCheckInWorker(
  call: CallParameters,
  input: BundleInput,
  received: ReadonlySet<string>,
): AsyncGenerator<CrossCheckMessage> {
  const worker = startWorker('cross-check-worker', { workerData: { call, received: [...received] } });
  const exited = new AbortController();
  worker.once('exit', () => exited.abort());
  try {
    const messages = on(worker, 'message', { signal: exited.signal });
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (!Array.isArray(value)) {
        rest[key] = value;
        continue;
      }
      for (let from = 0; from < value.length; from += PART) {
        worker.postMessage({ kind: 'part', key, items: value.slice(from, from + PART) });
        await setImmediate();
      }
    }
    worker.postMessage({ kind: 'end', rest });
    for await (const [message] of messages as AsyncIterableIterator<[CrossCheckMessage]>) {
      yield message;
      if (message.kind === 'summary') return;
    }
  } catch (error) {
    if (exited.signal.aborted && (error as Error).name === 'AbortError') {
      throw new Error('交叉核查的工作线程意外退出', { cause: error });
    }
    throw error;
  } finally {
    await worker.terminate();
  }
}
