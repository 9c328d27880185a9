import type { FormInstance, FormRule } from 'antd';
import { normalizeCreditCode, validateCreditCode } from '../../core/credit-code.js';
import type { FieldErrorView } from './api.js';

type FieldData<T> = Parameters<FormInstance<T>['setFields']>[0][number];

/** Shows the server's field errors (`organization.creditCode`) under the form's own fields. */
export function showFieldErrors<T>(
  form: FormInstance<T>,
  fields: FieldErrorView[],
  rename: (path: string) => string = (path) => path,
): void {
  form.setFields(
    fields.map((f) => ({ name: rename(f.path).split('.'), errors: [f.message] }) as FieldData<T>),
  );
}

/** Removes every field's error message, the server's and the form's own: a stale 请填写 must not outlive a save. */
export function clearFieldErrors<T>(form: FormInstance<T>): void {
  const cleared = form.getFieldsError().map(({ name }) => ({ name, errors: [] }));
  form.setFields(cleared as unknown as FieldData<T>[]);
}

/** What a rule says when the field is empty (`required`) and when it is not well formed (`invalid`). */
export interface RuleWords {
  required: string;
  invalid: string;
}

/** A mainland mobile number as the server's `mobileSchema` reads it: spaces, hyphens and +86 allowed. */
export const mobileRules = (
  words: RuleWords = { required: '请输入手机号码', invalid: '应为 11 位手机号码，例如 13812345678' },
): FormRule[] => [
  { required: true, message: words.required },
  { pattern: /^(\+?86)?\s*1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}$/, message: words.invalid },
];
export const MOBILE_RULES = mobileRules();

export const emailRules = (
  words: RuleWords = { required: '请输入电子邮箱', invalid: '请输入有效的电子邮箱地址' },
): FormRule[] => [
  { required: true, whitespace: true, message: words.required },
  { type: 'email', message: words.invalid },
];
export const EMAIL_RULES = emailRules();

/**
 * The form's rule for a 统一社会信用代码, checked as it is typed (GB 32100-2015). In Chinese it says what is wrong
 * (the core's reason); given other `words`, their `invalid`.
 */
export const creditCodeRule = (words?: RuleWords) => ({
  validator: async (_: unknown, value: string | undefined) => {
    if (!value) throw new Error(words?.required ?? '请输入统一社会信用代码');
    const verdict = validateCreditCode(normalizeCreditCode(value));
    if (!verdict.ok) throw new Error(words?.invalid ?? verdict.reason);
  },
});
