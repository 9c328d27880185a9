import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { addTranslations } from '../../app/i18n.js';
import { useSession } from '../../app/session.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, publicError } from './PublicFrame.js';

addTranslations('login', {
  'zh-CN': {
    title: '登录',
    registered: '单位注册成功，请用单位管理员账号登录',
    login: '登录名',
    loginRequired: '请输入登录名',
    password: '密码',
    passwordRequired: '请输入密码',
    forgot: '忘记密码？',
    submit: '登录',
    noAccount: '还没有账号？',
    register: '注册申报单位',
  },
  en: {
    title: 'Sign in',
    registered: 'Your organization is registered. Sign in with the unit administrator account.',
    login: 'Login name',
    loginRequired: 'Enter your login name',
    password: 'Password',
    passwordRequired: 'Enter your password',
    forgot: 'Forgot your password?',
    submit: 'Sign in',
    noAccount: 'No account yet? ',
    register: 'Register an applicant organization',
  },
});

interface LoginValues {
  login: string;
  password: string;
}

/** Only paths of this app: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation('login');
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
      <PublicCard title={t('title')}>
        {params.get('registered') && (
          <Alert type="success" showIcon title={t('registered')} style={{ marginBottom: 16 }} />
        )}
        {signIn.error && (
          <Alert type="error" showIcon title={publicError(signIn.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginValues>
          layout="vertical"
          onFinish={(values) => signIn.mutate(values)}
          requiredMark={false}
        >
          <Form.Item
            label={t('login')}
            name="login"
            htmlFor="login-name"
            rules={[{ required: true, message: t('loginRequired') }]}
          >
            <Input autoComplete="username" autoFocus id="login-name" />
          </Form.Item>
          <Form.Item
            label={t('password')}
            name="password"
            htmlFor="login-password"
            rules={[{ required: true, message: t('passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" id="login-password" />
          </Form.Item>
          <div style={{ textAlign: 'right', marginTop: -12, marginBottom: 12 }}>
            <Link to="/forgot-password">{t('forgot')}</Link>
          </div>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('noAccount')}
          <Link to="/register">{t('register')}</Link>
        </Typography.Paragraph>
      </PublicCard>
    </PublicFrame>
  );
}
