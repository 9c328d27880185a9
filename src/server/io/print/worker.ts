import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol.js';
import { renderDocuments, renderForms, renderPackage } from './render.js';

// A print worker of PrintPool (pool.ts): lays out and writes PDFs off the main thread, one job at a time. The
// bound package asks the main thread for each attachment and sends its chunks as they are written, waiting
// for each to be taken, so neither side holds more than a part of it.

const port = parentPort!;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const own = (bytes: Uint8Array) =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);

let waiting: ((message: ToWorker) => void) | undefined;
let cancelled = false;

function next(): Promise<ToWorker> {
  return new Promise((resolve) => (waiting = resolve));
}

async function run(job: ToWorker & { type: 'forms' | 'package' | 'documents' }) {
  cancelled = false;
  if (job.type === 'documents') {
    const bytes = own(await renderDocuments(job.documents, job.footer, job.title));
    return post({ type: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
  }
  if (job.type === 'forms') {
    const bytes = own(await renderForms(job.subject, job.forms, job.options));
    return post({ type: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
  }
  const attachments = job.attachments.map((a, index) => ({
    ...a,
    open: async () => {
      post({ type: 'open', index });
      const reply = await next();
      if (reply.type === 'cancel') throw new Error('print cancelled');
      if (reply.type !== 'opened' || !reply.bytes)
        throw new Error(reply.type === 'opened' ? reply.error : 'protocol');
      return reply.bytes;
    },
  }));
  await renderPackage(job.subject, job.options, attachments, async (chunk) => {
    if (cancelled) throw new Error('print cancelled');
    const bytes = own(chunk);
    post({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
    const reply = await next();
    if (reply.type === 'cancel') throw new Error('print cancelled');
  });
  post({ type: 'done' });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'forms' || message.type === 'package' || message.type === 'documents') {
    run(message).catch((error: Error) => post({ type: 'error', message: error.message }));
    return;
  }
  if (message.type === 'cancel') cancelled = true;
  const resolve = waiting;
  waiting = undefined;
  resolve?.(message);
});
