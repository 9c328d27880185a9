import { useMutation } from '@tanstack/react-query';
import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';
import { describeError } from './api.js';

/** A form's own validation failed: antd shows it under the fields. */
const isValidationError = (e: unknown) => typeof e === 'object' && e !== null && 'errorFields' in e;

/** A modal whose OK runs `save`: the server's refusal is shown in it, success closes it with `saved`. */
export function SaveModal({
  title,
  width,
  okText = '保存',
  save,
  onClose,
  children,
}: {
  title: string;
  width?: number;
  okText?: string;
  /** Throws to keep the modal open (a form's own validation, or the server's refusal). */
  save(): Promise<void>;
  onClose(saved: boolean): void;
  children: ReactNode;
}) {
  const saving = useMutation({ mutationFn: save, onSuccess: () => onClose(true) });
  const refusal = saving.error && !isValidationError(saving.error) ? describeError(saving.error) : undefined;
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      confirmLoading={saving.isPending}
      onOk={() => saving.mutate()}
      onCancel={() => onClose(false)}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      {children}
    </Modal>
  );
}
