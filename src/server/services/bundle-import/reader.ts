import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import { Slots } from '../../slots.js';
import type { ReadBundle } from './read.js';

// A bundle of thousands of applications takes seconds to parse and validate; that runs in worker threads so
// the instance keeps answering meanwhile. Under vitest this file is TypeScript, which a Node 20 worker cannot
// load by itself (nor through `--import tsx` in its execArgv): the worker then registers tsx first, a
// devDependency. Built, it is dist/…/parse-worker.js.
const typescript = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./parse-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);

function spawn(): Worker {
  if (!typescript) return new Worker(WORKER);
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(load, { eval: true });
}

interface Job {
  resolve: (read: ReadBundle) => void;
  reject: (error: Error) => void;
}

/**
 * Parses and validates posted bundles in at most `inFlight` worker threads at once, with at most `queued`
 * more waiting; beyond that a bundle is refused at once (TOO_MANY_REQUESTS). Idle workers are kept for the
 * next bundle, without holding the process open.
 */
export class BundleReader {
  private readonly slots: Slots;
  private readonly idle: Worker[] = [];
  private readonly jobs = new Map<Worker, Job>();

  constructor(limits: { inFlight: number; queued: number }) {
    this.slots = new Slots(
      limits,
      () =>
        new AppError('TOO_MANY_REQUESTS', {
          message: `正在读取的导入包过多（同时最多 ${limits.inFlight} 个，另有 ${limits.queued} 个排队），请稍后再试`,
          headers: { 'retry-after': '5' },
        }),
    );
  }

  read(bytes: Uint8Array): Promise<ReadBundle> {
    return this.slots.run(
      () =>
        new Promise<ReadBundle>((resolve, reject) => {
          const worker = this.idle.pop() ?? this.start();
          worker.ref();
          this.jobs.set(worker, { resolve, reject });
          worker.postMessage(bytes);
        }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const worker = spawn();
    worker.on('message', (read: ReadBundle) => {
      const job = this.jobs.get(worker);
      this.jobs.delete(worker);
      worker.unref();
      this.idle.push(worker);
      job?.resolve(read);
    });
    // A worker that fails (out of memory, say) is not reused; its bundle's request fails.
    const gone = (error: Error) => {
      const job = this.jobs.get(worker);
      this.jobs.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      job?.reject(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`bundle parse worker exited with code ${code}`)));
    return worker;
  }
}
