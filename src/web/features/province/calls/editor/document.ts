import type { Dayjs } from 'dayjs';
import type { CallDocument } from '../../../../../core/calls/schema.js';

// The call document as the editor's form holds it, and back: problem paths as form name paths, Beijing instants
// for pickers, the partial records without their emptied rows, and the draft kept in the browser until it is saved.

export type NamePath = (string | number)[];

/**
 * A problem's path as `formatPath` writes it (`topics.4.terms.label`, `contacts[0].unit`) as the form's name path.
 * The topics are an object keyed by number, which a check may write either way (`topics[4]`): the form's key is
 * the string.
 */
export function namePathOf(path: string): NamePath {
  const keys = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map(([, index, key]) =>
    index === undefined ? key! : Number(index),
  );
  if (keys[0] === 'topics' && keys[1] !== undefined) keys[1] = String(keys[1]);
  return keys;
}

/** The form's name path written as `formatPath` writes a problem's: the key of the field's labels and problems. */
export function pathKey(path: NamePath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/** A Beijing instant of the document (`2026-03-20T17:00:00+08:00`) as the wall clock a picker shows. */
export const wallClockOf = (instant: string) => instant.replace(/\+08:00$/, '');

/** What a picker shows, read as Beijing time, in the document's form. */
export const instantOf = (picked: Dayjs) => `${picked.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;

/**
 * The form's values as a document: the rows of a partial record left empty (a quota cleared, a scan with no
 * question) are dropped, since the record names only what the call sets.
 */
export function documentOf(values: CallDocument): CallDocument {
  const dropEmpty = <T>(record: Readonly<Record<string, T | null | undefined>>) =>
    Object.fromEntries(
      Object.entries(record).filter(
        ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
      ),
    ) as Record<string, T>;
  return {
    ...values,
    quotas: {
      ...values.quotas,
      value: { ...values.quotas.value, byDepartmentKind: dropEmpty(values.quotas.value.byDepartmentKind) },
    },
    documents: {
      ...values.documents,
      signedScans: { ...values.documents.signedScans, value: dropEmpty(values.documents.signedScans.value) },
    },
  };
}

/** What the editor typed and has not saved, with the version it started from. */
export interface Draft {
  baseVersion: number;
  document: CallDocument;
  /** When it was last typed, ISO 8601. */
  at: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const draftKey = (callId: string) => `shenbao:call-draft:${callId}`;

export const drafts = {
  read(store: Store, callId: string): Draft | undefined {
    const text = store.getItem(draftKey(callId));
    if (text === null) return undefined;
    try {
      const draft = JSON.parse(text) as Partial<Draft>;
      return typeof draft.baseVersion === 'number' && typeof draft.document === 'object' && draft.at
        ? (draft as Draft)
        : undefined;
    } catch {
      return undefined;
    }
  },
  write(store: Store, callId: string, draft: Draft): void {
    try {
      store.setItem(draftKey(callId), JSON.stringify(draft));
    } catch {
      // A full or refused storage loses only the safety copy; the form still holds what was typed.
    }
  },
  clear(store: Store, callId: string): void {
    store.removeItem(draftKey(callId));
  },
};
