import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { PrintDocument } from '../../../core/print/blocks.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { PrintAttachment, PrintedForm, PrintOptions, PrintSubject } from './types.js';

// Laying out a 申报书 and subsetting its font is a few hundred milliseconds of synchronous work: done on the
// main thread, a hundred prints at once would stall every other route. They run in worker threads, one fewer than
// the cores, queued beyond that. Under vitest this file is TypeScript, which a Node 20 worker cannot load by
// itself: the worker then registers tsx first (as bundle-import/reader.ts does). Built, it is dist/…/worker.js.
const typescript = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./worker.${typescript ? 'ts' : 'js'}`, import.meta.url);

function spawn(): Worker {
  if (!typescript) return new Worker(WORKER);
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(load, { eval: true });
}

type Handler = (message: FromWorker) => void;

export class PrintPool {
  private readonly idle: Worker[] = [];
  private readonly handlers = new Map<Worker, { onMessage: Handler; onFail: (e: Error) => void }>();
  private readonly queue: ((worker: Worker) => void)[] = [];
  private started = 0;

  // One core is left to the main thread, whose event loop serves every other route.
  constructor(private readonly size = Math.max(1, availableParallelism() - 1)) {}

  /** The forms as one PDF, whole (a few hundred kilobytes). */
  forms(subject: PrintSubject, forms: readonly PrintedForm[], options: PrintOptions): Promise<Uint8Array> {
    return this.whole({ type: 'forms', subject, forms, options });
  }

  /** Documents modelled as blocks, as one PDF, whole. */
  documents(documents: readonly PrintDocument[], footer: string, title: string): Promise<Uint8Array> {
    return this.whole({ type: 'documents', documents, footer, title });
  }

  private async whole(job: ToWorker & { type: 'forms' | 'documents' }): Promise<Uint8Array> {
    const worker = await this.acquire();
    return new Promise<Uint8Array>((resolve, reject) => {
      this.handlers.set(worker, {
        onMessage: (message) => {
          if (message.type === 'done' && message.bytes) {
            this.release(worker);
            resolve(message.bytes);
          } else if (message.type === 'error') {
            this.release(worker);
            reject(new Error(message.message));
          }
        },
        onFail: reject,
      });
      this.post(worker, job);
    });
  }

  /** The bound package as a stream: chunks as the worker writes them, each taken before the next is made. */
  async package(
    subject: PrintSubject,
    options: PrintOptions,
    attachments: readonly PrintAttachment[],
  ): Promise<Readable> {
    const worker = await this.acquire();
    let owed = false;
    let finished = false;
    const stream = new Readable({
      read: () => {
        if (owed) {
          owed = false;
          this.post(worker, { type: 'ack' });
        }
      },
    });
    const end = () => {
      finished = true;
      this.release(worker);
    };
    stream.on('close', () => {
      if (!finished) this.post(worker, { type: 'cancel' });
    });
    this.handlers.set(worker, {
      onMessage: (message) => {
        switch (message.type) {
          case 'open':
            // A copy is transferred: the caller's bytes may be shared, or handed out again.
            attachments[message.index]!.open()
              .then((bytes) => {
                const copy = new Uint8Array(bytes);
                this.post(worker, { type: 'opened', index: message.index, bytes: copy }, [
                  copy.buffer as ArrayBuffer,
                ]);
              })
              .catch((error: Error) =>
                this.post(worker, { type: 'opened', index: message.index, error: error.message }),
              );
            return;
          case 'chunk':
            if (stream.destroyed) return this.post(worker, { type: 'cancel' });
            if (
              stream.push(
                Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength),
              )
            ) {
              this.post(worker, { type: 'ack' });
            } else {
              owed = true;
            }
            return;
          case 'done':
            end();
            if (!stream.destroyed) stream.push(null);
            return;
          case 'error':
            end();
            if (!stream.destroyed) stream.destroy(new Error(message.message));
            return;
        }
      },
      onFail: (error) => {
        finished = true;
        stream.destroy(error);
      },
    });
    this.post(worker, {
      type: 'package',
      subject,
      options,
      attachments: attachments.map((a) => ({ label: a.label, fileName: a.fileName })),
    });
    return stream;
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private post(worker: Worker, message: ToWorker, transfer: ArrayBuffer[] = []) {
    worker.postMessage(message, transfer);
  }

  private acquire(): Promise<Worker> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(this.ref(idle));
    if (this.started < this.size) {
      this.started++;
      return Promise.resolve(this.ref(this.start()));
    }
    return new Promise((resolve) => this.queue.push((w) => resolve(this.ref(w))));
  }

  private ref(worker: Worker) {
    worker.ref();
    return worker;
  }

  private release(worker: Worker) {
    this.handlers.delete(worker);
    const waiting = this.queue.shift();
    if (waiting) return waiting(worker);
    worker.unref();
    this.idle.push(worker);
  }

  private start(): Worker {
    const worker = spawn();
    worker.on('message', (message: FromWorker) => this.handlers.get(worker)?.onMessage(message));
    // A worker that fails is not reused; its job fails, and a new worker takes its place when needed.
    const gone = (error: Error) => {
      const handler = this.handlers.get(worker);
      this.handlers.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.started--;
      handler?.onFail(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`print worker exited with code ${code}`)));
    return worker;
  }
}
