import type { FormInstance } from 'antd';
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
