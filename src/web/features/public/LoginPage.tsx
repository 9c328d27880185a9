import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../shared/api.js';
import { useSession } from '../../app/session.js';
import { PublicFrame } from './PublicFrame.js';

interface LoginValues {
  login: string;
  password: string;
}

/** Only paths of this app: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signIn = useMutation({
    mutationFn: (values: LoginValues) => login(values.login, values.password),
    onSuccess: () => void navigate(next, { replace: true }),
  });

  if (user) return <Navigate to={next} replace />;

  return (
    <PublicFrame>
      <Card title="登录">
        {params.get('registered') && (
          <Alert
            type="success"
            showIcon
            title="单位注册成功，请用单位管理员账号登录"
            style={{ marginBottom: 16 }}
          />
        )}
        {signIn.error && (
          <Alert type="error" showIcon title={describeError(signIn.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginValues>
          layout="vertical"
          onFinish={(values) => signIn.mutate(values)}
          requiredMark={false}
        >
          <Form.Item
            label="登录名"
            name="login"
            htmlFor="login-name"
            rules={[{ required: true, message: '请输入登录名' }]}
          >
            <Input autoComplete="username" autoFocus id="login-name" />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            htmlFor="login-password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="current-password" id="login-password" />
          </Form.Item>
          <div style={{ textAlign: 'right', marginTop: -12, marginBottom: 12 }}>
            <Link to="/forgot-password">忘记密码？</Link>
          </div>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          还没有账号？<Link to="/register">注册申报单位</Link>
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}
