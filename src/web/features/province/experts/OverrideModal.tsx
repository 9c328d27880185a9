import { Alert, Form, Input, Modal } from 'antd';
import type { ConflictView } from './api.js';

/** A conflicted expert assigned anyway: the reason is required and goes into the audit log. */
export function OverrideModal({
  name,
  conflicts,
  onCancel,
  onConfirm,
}: {
  name: string;
  conflicts: ConflictView[];
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={`${name} 与本项目存在利益冲突`}
      okText="仍然分配"
      okButtonProps={{ danger: true }}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      {conflicts.map((c) => (
        <Alert key={c.message} type="warning" showIcon title={c.message} style={{ marginBottom: 8 }} />
      ))}
      <Form form={form} layout="vertical" onFinish={(v) => onConfirm(v.reason)}>
        <Form.Item
          name="reason"
          label="例外分配的理由（记入审计日志）"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} data-testid="override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
