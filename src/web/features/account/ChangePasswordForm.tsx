import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { ApiError, describeError } from '../../shared/api.js';
import { clearFieldErrors, showFieldErrors } from '../../shared/forms.js';
import { NewPasswordFields } from '../../shared/NewPasswordFields.js';
import { accountApi } from './api.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The current password and a new one; `onChanged` runs once the server took it. */
export function ChangePasswordForm({ submitText, onChanged }: { submitText: string; onChanged: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      accountApi.changePassword({ currentPassword, newPassword }),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      style={{ maxWidth: 420 }}
      onFinish={(values) => {
        clearFieldErrors(form);
        change.mutate(values);
      }}
    >
      {change.error && !(change.error instanceof ApiError && change.error.fields.length > 0) && (
        <Alert type="error" showIcon title={describeError(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="当前密码"
        name="currentPassword"
        htmlFor="current-password"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" id="current-password" />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {submitText}
      </Button>
    </Form>
  );
}
