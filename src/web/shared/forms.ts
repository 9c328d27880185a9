import type { FormInstance } from 'antd';
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

/** The form's rule for a 统一社会信用代码, checked as it is typed (GB 32100-2015). */
export const creditCodeRule = {
  validator: async (_: unknown, value: string | undefined) => {
    if (!value) throw new Error('请输入统一社会信用代码');
    const verdict = validateCreditCode(normalizeCreditCode(value));
    if (!verdict.ok) throw new Error(verdict.reason);
  },
};
