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
