// The audit log is append-only and kept for good: an identity-card number that enters it can never be erased.
// It records that a number is held, and that it changed, never the number itself.

const ID_NUMBER_FIELDS = new Set(['idNumber', 'piIdNumber']);

/** What the log keeps in place of a held number. */
export const ID_NUMBER_HELD = '已登记（号码不记入审计日志）';

/** `values` with every ID number replaced by `ID_NUMBER_HELD` (or null when none is held). */
export function withoutIdNumbers<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      ID_NUMBER_FIELDS.has(key) ? (value ? ID_NUMBER_HELD : null) : value,
    ]),
  ) as T;
}

/** Whether a field path (`idNumber`, `form.team.members[0].idNumber`) holds an ID number. */
export const isIdNumberPath = (path: string) => ID_NUMBER_FIELDS.has(path.slice(path.lastIndexOf('.') + 1));

/** Field changes (`diffForm`'s) with an ID number's values left out: only that it changed. */
export function changesWithoutIdNumbers<C extends { path: string }>(
  changes: C[],
): (C | { path: string; changed: true })[] {
  return changes.map((c) => (isIdNumberPath(c.path) ? { path: c.path, changed: true as const } : c));
}
