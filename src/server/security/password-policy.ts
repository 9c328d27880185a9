import { AppError } from '../errors.js';
import { newPasswordSchema } from '../../contract/auth.js';
import list from './data/common-passwords.json' with { type: 'json' };

// The policy of NIST SP 800-63B §3.1.1.2 for every password someone sets (registration, change, reset,
// invitation): a minimum length, no composition rules, and a refusal of common and guessable choices. It is
// not applied at login, so that passwords set before it still work.

export const PASSWORD_POLICY_MESSAGES = {
  common: '过于常见，容易被猜中，请换一个（可用一句好记的话）',
  sameAsLogin: '不能与登录名相同',
} as const;

let common: Set<string> | undefined;
const isCommon = (password: string) => (common ??= new Set(list.passwords)).has(password.toLowerCase());

/** What is wrong with `password` as a new password of the account `login`, in Chinese, or undefined. */
export function passwordProblem(password: string, context: { login?: string } = {}): string | undefined {
  const shape = newPasswordSchema.safeParse(password);
  if (!shape.success) return shape.error.issues[0]!.message;
  if (isCommon(password)) return PASSWORD_POLICY_MESSAGES.common;
  if (context.login && password.toLowerCase() === context.login.toLowerCase()) {
    return PASSWORD_POLICY_MESSAGES.sameAsLogin;
  }
  return undefined;
}

/**
 * Refuses a password the policy does not accept, naming the field it came in (e.g. `admin.password`) and its
 * label as the form shows it.
 */
export function requireAcceptablePassword(
  password: string,
  field: { path: string; label: string },
  context: { login?: string } = {},
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw AppError.invalidField(field.path, `${field.label}：${problem}`);
}
