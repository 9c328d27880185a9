import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { PASSWORD_RESET_TTL_MINUTES } from '../../../contract/auth.js';
import { api, describeError } from '../../shared/api.js';
import { PublicFrame } from './PublicFrame.js';

/** 忘记密码: a reset link is e-mailed to the account's address; the answer never says whether it exists. */
export function ForgotPasswordPage() {
  const request = useMutation({
    mutationFn: (account: string) =>
      api<{ message: string }>('/auth/password-reset', { method: 'POST', body: { account } }),
  });

  return (
    <PublicFrame>
      <Card title="忘记密码">
        {request.data ? (
          <Alert type="success" showIcon title="请查收电子邮件" description={request.data.message} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              填写登录名或账号登记的电子邮箱，我们会把重置密码的链接发到该邮箱，链接{' '}
              {PASSWORD_RESET_TTL_MINUTES}{' '}
              分钟内有效、只能使用一次。账号未登记电子邮箱的，请联系本单位管理员或主管部门。
            </Typography.Paragraph>
            {request.error && (
              <Alert
                type="error"
                showIcon
                title={describeError(request.error)}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form<{ account: string }>
              layout="vertical"
              requiredMark={false}
              onFinish={({ account }) => request.mutate(account)}
            >
              <Form.Item
                label="登录名或电子邮箱"
                name="account"
                htmlFor="reset-account"
                rules={[{ required: true, whitespace: true, message: '请输入登录名或电子邮箱' }]}
              >
                <Input autoComplete="username" autoFocus id="reset-account" maxLength={254} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={request.isPending}>
                发送重置链接
              </Button>
            </Form>
          </>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/login">返回登录</Link>
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}
