import type { SnapshotDocument } from '../db/schema.js';
import type { ChangesView } from '../../contract/review.js';

// What changed between two submissions of one application: the form field by field, the documents by
// their version history (a replaced or re-described document points at its successor).

/** A leaf that differs, with the values as stored (yuan, codes); the presenter words them. */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export type SubmissionChanges = Omit<ChangesView, 'form'> & { form: FieldChange[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Leaf-level differences; absent and `undefined` are the same. Arrays compare by position. */
export function diffForm(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffForm(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffForm(before[i], after[i], join(path, i))).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [
    {
      path,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  ];
}

const brief = ({ id, kind, fileName, sha256 }: SnapshotDocument) => ({ id, kind, fileName, sha256 });

/** `successor` maps each superseded document to the one that replaced it (none when it was deleted). */
export function diffDocuments(
  before: SnapshotDocument[],
  after: SnapshotDocument[],
  successor: ReadonlyMap<string, string | null>,
): ChangesView['documents'] {
  const afterById = new Map(after.map((d) => [d.id, d]));
  const reached = new Set<string>();
  const removed: SnapshotDocument[] = [];
  const replaced: ChangesView['documents']['replaced'] = [];
  for (const old of before) {
    let id: string | null | undefined = old.id;
    const seen = new Set<string>();
    while (id && !afterById.has(id) && !seen.has(id)) {
      seen.add(id);
      id = successor.get(id);
    }
    const now = id ? afterById.get(id) : undefined;
    if (!now) {
      removed.push(old);
      continue;
    }
    reached.add(now.id);
    if (now.id !== old.id) {
      replaced.push({ before: brief(old), after: brief(now), fileChanged: now.sha256 !== old.sha256 });
    }
  }
  return {
    added: after.filter((d) => !reached.has(d.id)).map(brief),
    removed: removed.map(brief),
    replaced,
  };
}
