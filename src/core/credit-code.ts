// 统一社会信用代码 by GB 32100-2015 (check character, position 18) and GB 11714 (organization code,
// positions 9–17). The algorithm and its examples are in docs/uscc.md (copied from shared/data/uscc.md).
// READING.md asks for exactly these three checks: character set, position 18, positions 9–17.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const LENGTH = 18;

export type CreditCodeVerdict = { ok: true } | { ok: false; reason: string };

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

function organizationCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 11 ? '0' : check === 10 ? 'X' : String(check);
}

export function validateCreditCode(code: string): CreditCodeVerdict {
  const chars = Array.from(code);
  if (chars.length !== LENGTH) {
    return { ok: false, reason: `统一社会信用代码应为 18 位，现为 ${chars.length} 位` };
  }
  const bad = chars.findIndex((c) => !CHARSET.includes(c));
  if (bad >= 0) {
    return {
      ok: false,
      reason: `统一社会信用代码第 ${bad + 1} 位“${chars[bad]}”不是有效字符（只允许数字和除 I、O、Z、S、V 外的大写字母）`,
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return { ok: false, reason: `统一社会信用代码校验位（第 18 位）应为“${expected}”，现为“${code[17]}”` };
  }
  const orgCheck = organizationCodeCheckCharacter(code.slice(8, 16));
  if (code[16] !== orgCheck) {
    return {
      ok: false,
      reason: `统一社会信用代码第 9–17 位的组织机构代码校验位应为“${orgCheck}”，现为“${code[16]}”`,
    };
  }
  return { ok: true };
}

const FULL_WIDTH_OFFSET = 0xfee0;

/** What a person typed, made comparable: trimmed, full-width folded to half-width, upper case. */
export function normalizeCreditCode(input: string): string {
  return input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .toUpperCase();
}
