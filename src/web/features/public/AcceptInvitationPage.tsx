import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, message, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AcceptInvitationBody } from '../../../contract/organization-users.js';
import { USER_ROLE_LABELS, type UnitRole } from '../../../contract/vocabulary.js';
import { addTranslations } from '../../app/i18n.js';
import { useSession } from '../../app/session.js';
import { api, ApiError } from '../../shared/api.js';
import { mobileRules, showFieldErrors } from '../../shared/forms.js';
import { PageState } from '../../shared/PageState.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, publicError, usePublicPageState } from './PublicFrame.js';

addTranslations('accept-invitation', {
  'zh-CN': {
    title: '接受邀请，开通账号',
    incomplete: '链接不完整，请从邀请邮件中完整复制链接后打开',
    invited: '{{organization}}邀请您以“{{role}}”身份开通申报系统账号。',
    piName: '姓名请填写单位登记的项目负责人姓名。',
    haveAccount: '已有账号？',
    signIn: '登录',
    opened: '账号已开通，已登录',
    name: '姓名',
    nameRequired: '请输入真实姓名',
    mobile: '手机号码',
    mobileRequired: '请输入手机号码',
    mobileInvalid: '应为 11 位手机号码，例如 13812345678',
    login: '登录名',
    loginRequired: '请输入登录名',
    loginInvalid: '登录名应为 3–64 位字母、数字或 . _ @ -，并以字母或数字开头',
    password: '密码',
    passwordRequired: '请输入密码',
    passwordShort: '密码至少 8 位',
    passwordLetter: '密码须包含字母',
    passwordDigit: '密码须包含数字',
    confirm: '确认密码',
    confirmRequired: '请再次输入密码',
    mismatch: '两次输入的密码不一致',
    submit: '开通账号并登录',
  },
  en: {
    title: 'Accept the invitation and open your account',
    incomplete: 'The link is incomplete. Copy the whole link from the invitation e-mail and open it again.',
    invited: '{{organization}} invites you to open an account as {{role}}.',
    roles: { 'unit-admin': 'unit administrator', 'unit-contact': 'unit contact', pi: 'project leader' },
    piName: 'Enter your name as the unit registered it for the project leader.',
    haveAccount: 'Already have an account? ',
    signIn: 'Sign in',
    opened: 'Your account is open and you are signed in',
    name: 'Name',
    nameRequired: 'Enter your real name',
    mobile: 'Mobile number',
    mobileRequired: 'Enter your mobile number',
    mobileInvalid: 'An 11-digit mainland mobile number, for example 13812345678',
    login: 'Login name',
    loginRequired: 'Enter a login name',
    loginInvalid: '3 to 64 letters, digits or . _ @ -, starting with a letter or digit',
    password: 'Password',
    passwordRequired: 'Enter a password',
    passwordShort: 'At least 8 characters',
    passwordLetter: 'The password must contain a letter',
    passwordDigit: 'The password must contain a digit',
    confirm: 'Confirm the password',
    confirmRequired: 'Enter the password again',
    mismatch: 'The two passwords differ',
    submit: 'Open the account and sign in',
  },
});

type AcceptValues = Omit<AcceptInvitationBody, 'token'> & { confirm: string };

// The token is posted, not put in an API address that logs would keep.
const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation', token] as const,
    queryFn: ({ signal }) =>
      api<{ organizationName: string; role: UnitRole }>('/invitations/inspect', {
        method: 'POST',
        body: { token },
        signal,
      }),
    retry: false,
    staleTime: Infinity,
  });

/** The page an invitation's e-mailed link opens: the invitee chooses a login and password, then is signed in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation('accept-invitation');
  const words = usePublicPageState();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useQuery({ ...invitationQuery(token), enabled: token !== '' });
  return (
    <PublicFrame width={520}>
      <PublicCard title={t('title')}>
        {token === '' ? (
          <Alert type="error" showIcon title={t('incomplete')} />
        ) : invitation.error instanceof ApiError && [404, 410].includes(invitation.error.status) ? (
          // Used, expired or revoked: trying again cannot help, the message says what can.
          <Alert type="warning" showIcon title={publicError(invitation.error)} />
        ) : (
          <PageState query={invitation} words={words}>
            {(found) => (
              <>
                <Typography.Paragraph>
                  {t('invited', {
                    organization: found.organizationName,
                    role: t(`roles.${found.role}`, { defaultValue: USER_ROLE_LABELS[found.role] }),
                  })}
                  {found.role === 'pi' && t('piName')}
                </Typography.Paragraph>
                <AcceptForm token={token} />
              </>
            )}
          </PageState>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('haveAccount')}
          <Link to="/login">{t('signIn')}</Link>
        </Typography.Paragraph>
      </PublicCard>
    </PublicFrame>
  );
}

function AcceptForm({ token }: { token: string }) {
  const { t } = useTranslation('accept-invitation');
  const [form] = Form.useForm<AcceptValues>();
  const { login } = useSession();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: async ({ confirm: _confirm, ...values }: AcceptValues) => {
      await api('/invitations/accept', { method: 'POST', body: { ...values, token } });
      await login(values.login, values.password);
    },
    onSuccess: () => {
      // The static message: it stays on screen while the signed-in pages load.
      void message.success(t('opened'));
      void navigate('/', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      if (e instanceof ApiError && e.code === 'LOGIN_TAKEN') {
        showFieldErrors(form, [{ path: 'login', message: publicError(e) }]);
      }
    },
  });
  return (
    <>
      {accept.error && (
        <Alert type="error" showIcon title={publicError(accept.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<AcceptValues> form={form} layout="vertical" onFinish={(values) => accept.mutate(values)}>
        <Form.Item
          label={t('name')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          label={t('mobile')}
          name="mobile"
          rules={mobileRules({ required: t('mobileRequired'), invalid: t('mobileInvalid') })}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          label={t('login')}
          name="login"
          rules={[
            { required: true, message: t('loginRequired') },
            { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._@-]{2,63}$/, message: t('loginInvalid') },
          ]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          label={t('password')}
          name="password"
          rules={[
            { required: true, message: t('passwordRequired') },
            { min: 8, message: t('passwordShort') },
            { pattern: /[A-Za-z]/, message: t('passwordLetter') },
            { pattern: /[0-9]/, message: t('passwordDigit') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={accept.isPending} block size="large">
          {t('submit')}
        </Button>
      </Form>
    </>
  );
}
