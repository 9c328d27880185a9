import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Work that would hold the event loop for seconds runs in a worker thread. Built, the server starts the compiled
// `.js` entry from dist/. From source (tests, benches, `npm run dev:server`) the entry is TypeScript, which a
// worker thread cannot load by itself, its parent's loader not being inherited: it registers tsx's loader first,
// then imports the entry.

const FROM_SOURCE = extname(fileURLToPath(import.meta.url)) === '.ts';

/** Starts the worker whose entry is the module `name` beside this one. */
export function startWorker(name: string, options: WorkerOptions = {}): Worker {
  const entry = new URL(`./${name}${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);
  if (!FROM_SOURCE) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsx)}).then((api) => { api.register(); ` +
    `return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true, execArgv: [] });
}
