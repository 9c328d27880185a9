import { Alert, Form, Input, Modal } from 'antd';
import { describeError } from '../../shared/api.js';

/** Asks for the written reason (or note) an action sends to the other side, then runs it. */
export function ReasonDialog({
  title,
  label,
  okText,
  required = true,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  okText: string;
  required?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit(text: string): void;
  onClose(): void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ loading: pending, danger: required }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error !== null && error !== undefined && (
        <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={({ text }) => onSubmit(text?.trim() ?? '')}>
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
        >
          <Input.TextArea rows={4} maxLength={required ? 1000 : 500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
