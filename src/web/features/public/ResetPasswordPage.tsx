import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Result } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, describeError } from '../../shared/api.js';
import { clearFieldErrors, showFieldErrors } from '../../shared/forms.js';
import { NewPasswordFields } from '../../shared/NewPasswordFields.js';
import { PublicFrame } from './PublicFrame.js';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

// A link that can no longer be used: asking again is the way on.
const DEAD_LINK = new Set(['RESET_LINK_INVALID', 'RESET_LINK_EXPIRED', 'RESET_LINK_USED']);

/** The page an e-mailed reset link opens: a new password, once, within its validity. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const reset = useMutation({
    mutationFn: ({ newPassword }: Values) =>
      api<void>('/auth/password-reset/complete', { method: 'POST', body: { token, newPassword } }),
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
    },
  });
  const dead = reset.error instanceof ApiError && DEAD_LINK.has(reset.error.code);

  return (
    <PublicFrame>
      <Card title="重置密码">
        {reset.isSuccess ? (
          <Result
            status="success"
            title="新密码已设置"
            subTitle="该账号在所有设备上的登录均已退出，请用新密码登录。"
            extra={
              <Link to="/login">
                <Button type="primary">去登录</Button>
              </Link>
            }
          />
        ) : !token || dead ? (
          <Result
            status="warning"
            title={dead ? describeError(reset.error) : '链接不完整，请从邮件中重新打开，或重新申请'}
            extra={
              <Link to="/forgot-password">
                <Button type="primary">重新申请重置密码</Button>
              </Link>
            }
          />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => {
              clearFieldErrors(form);
              reset.mutate(values);
            }}
          >
            {reset.error && !(reset.error instanceof ApiError && reset.error.fields.length > 0) && (
              <Alert type="error" showIcon title={describeError(reset.error)} style={{ marginBottom: 16 }} />
            )}
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" block loading={reset.isPending}>
              设置新密码
            </Button>
          </Form>
        )}
      </Card>
    </PublicFrame>
  );
}
