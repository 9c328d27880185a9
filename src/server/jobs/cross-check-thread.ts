import { on } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import type { CrossCheckInput, CrossCheckMessage } from './cross-check-work.js';
import { startWorker } from './worker-thread.js';

// The job's side of the cross-check's worker thread. Copying a message between threads holds both, so `feed`
// sends the call and the bundle in parts, a turn of the event loop after each, and the results come back a
// step at a time, a turn after each: the instance keeps answering requests throughout.

/** What the job sends the worker, each message awaited; the end is sent after it. */
export type CrossCheckFeed = (send: (message: CrossCheckInput) => Promise<void>) => Promise<void>;

/** The results of the run, computed in a worker thread; leaving the loop early stops the thread. */
export async function* crossCheckInWorker(feed: CrossCheckFeed): AsyncGenerator<CrossCheckMessage> {
  const worker = startWorker('cross-check-worker');
  const exited = new AbortController();
  worker.once('exit', () => exited.abort());
  try {
    const messages = on(worker, 'message', { signal: exited.signal });
    await feed(async (message) => {
      worker.postMessage(message);
      await setImmediate();
    });
    worker.postMessage({ kind: 'end' } satisfies CrossCheckInput);
    for await (const [message] of messages as AsyncIterableIterator<[CrossCheckMessage]>) {
      yield message;
      if (message.kind === 'summary') return;
      // Results queue up while the job stores one; on PGlite storing them back to back never yields.
      await setImmediate();
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
