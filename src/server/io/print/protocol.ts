import type { PrintDocument } from '../../../core/print/blocks.js';
import type { PrintedForm, PrintOptions, PrintSubject } from './types.js';

// Messages between the main thread (pool.ts) and a print worker (worker.ts), one job at a time per worker.

export type ToWorker =
  | { type: 'forms'; subject: PrintSubject; forms: readonly PrintedForm[]; options: PrintOptions }
  /** Documents other than the 申报书's forms (会评纪要 …), already modelled as blocks. */
  | { type: 'documents'; documents: readonly PrintDocument[]; footer: string; title: string }
  | {
      type: 'package';
      subject: PrintSubject;
      options: PrintOptions;
      attachments: { label: string; fileName: string }[];
    }
  /** An attachment's bytes, or why they could not be read. */
  | { type: 'opened'; index: number; bytes?: Uint8Array; error?: string }
  /** The main thread took the last chunk: the worker may send the next. */
  | { type: 'ack' }
  /** The client went away. */
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'open'; index: number }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'done'; bytes?: Uint8Array }
  | { type: 'error'; message: string };
