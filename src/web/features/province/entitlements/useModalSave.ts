import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Modal, type FormInstance } from 'antd';
import { ApiError, describeError } from '../../../shared/api.js';
import { showFieldErrors } from '../../../shared/forms.js';

/**
 * Sends a modal's form: success closes the modal and refreshes `queryKey`; a refusal naming one of the form's
 * fields is shown under the fields, any other in a dialog titled `failure`.
 */
export function useModalSave<V, T>(
  form: FormInstance<T>,
  {
    save,
    queryKey,
    onClose,
    failure,
    isFormField = () => true,
    rename,
  }: {
    save(values: V): Promise<unknown>;
    queryKey: QueryKey;
    onClose(): void;
    failure: string;
    isFormField?(path: string): boolean;
    /** Server paths named as the form's fields. */
    rename?(path: string): string;
  },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: () => {
      onClose();
      return queryClient.invalidateQueries({ queryKey });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.some((f) => isFormField(f.path)))
        showFieldErrors(form, e.fields, rename);
      else Modal.error({ title: failure, content: describeError(e) });
    },
  });
}
