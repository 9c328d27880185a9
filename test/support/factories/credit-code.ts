import { creditCodeCheckCharacter, validateCreditCode } from '../../../src/core/credit-code.js';

/**
 * The valid 统一社会信用代码 of a Nanjing enterprise numbered `n` (its organization code's eight digits), with
 * the two check characters core's validator accepts.
 */
export function creditCode(n: number): string {
  const body = `91320100${String(n).padStart(8, '0')}`;
  for (const organizationCheck of '0123456789X') {
    const first17 = body + organizationCheck;
    const code = first17 + creditCodeCheckCharacter(first17);
    if (validateCreditCode(code).ok) return code;
  }
  throw new Error(`no valid credit code for ${body}`);
}
