import { normalizeCreditCode, validateCreditCode } from '../credit-code.js';

// Cell values as a register row gives them (text, trimmed; a spreadsheet date already as YYYY-MM-DD), read into
// typed values. Each reader answers with the value or with what is wrong, in Chinese, for the row's error list.

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (problem: string): CellResult<never> => ({ ok: false, problem });

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** `2026-03-01`, `2026/3/1`, `2026.3.1` or `2026年3月1日`, as `YYYY-MM-DD`; the day must exist. */
export function readDate(text: string): CellResult<string> {
  const match = DATE.exec(text);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d) {
      return ok(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
  }
  return bad(`“${text}”不是有效日期，请填写 YYYY-MM-DD（如 2026-03-01）`);
}

export function readCreditCode(text: string): CellResult<string> {
  const code = normalizeCreditCode(text);
  const verdict = validateCreditCode(code);
  return verdict.ok ? ok(code) : bad(`“${text}”有误：${verdict.reason}`);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份证号码 (GB 11643-1999): 17 digits and a check character; a lower-case or full-width x is accepted. */
export function readIdNumber(text: string): CellResult<string> {
  const id = normalizeCreditCode(text);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return bad(`“${text}”不是 18 位居民身份证号码（前 17 位为数字，末位为数字或 X）`);
  }
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  const expected = ID_CHECK[sum % 11]!;
  return id[17] === expected ? ok(id) : bad(`“${text}”校验位（第 18 位）应为“${expected}”，请核对`);
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '']);

export function readYesNo(text: string): CellResult<boolean> {
  const value = text.toUpperCase();
  if (YES.has(value)) return ok(true);
  if (NO.has(value)) return ok(false);
  return bad(`应填“是”或“否”，现为“${text}”`);
}

/** One of the listed words (each option may have several spellings). */
export function readChoice<V>(
  text: string,
  options: ReadonlyMap<string, V>,
  listed: readonly string[],
): CellResult<V> {
  const value = options.get(text.replace(/\s/g, ''));
  return value === undefined
    ? bad(`应为${listed.map((o) => `“${o}”`).join('、')}之一，现为“${text}”`)
    : ok(value);
}
