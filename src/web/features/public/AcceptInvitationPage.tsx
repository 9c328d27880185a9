import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AcceptInvitationBody } from '../../../contract/organization-users.js';
import { USER_ROLE_LABELS, type UnitRole } from '../../../contract/vocabulary.js';
import { useSession } from '../../app/session.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { MOBILE_RULES, showFieldErrors } from '../../shared/forms.js';
import { PageState } from '../../shared/PageState.js';
import { PublicFrame } from './PublicFrame.js';

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
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useQuery({ ...invitationQuery(token), enabled: token !== '' });
  return (
    <PublicFrame width={520}>
      <Card title="接受邀请，开通账号">
        {token === '' ? (
          <Alert type="error" showIcon title="链接不完整，请从邀请邮件中完整复制链接后打开" />
        ) : invitation.error instanceof ApiError && [404, 410].includes(invitation.error.status) ? (
          // Used, expired or revoked: trying again cannot help, the message says what can.
          <Alert type="warning" showIcon title={invitation.error.message} />
        ) : (
          <PageState query={invitation}>
            {(found) => (
              <>
                <Typography.Paragraph>
                  {found.organizationName}邀请您以“{USER_ROLE_LABELS[found.role]}”身份开通申报系统账号。
                  {found.role === 'pi' && '姓名请填写单位登记的项目负责人姓名。'}
                </Typography.Paragraph>
                <AcceptForm token={token} />
              </>
            )}
          </PageState>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          已有账号？<Link to="/login">登录</Link>
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}

function AcceptForm({ token }: { token: string }) {
  const [form] = Form.useForm<AcceptValues>();
  const { message } = App.useApp();
  const { login } = useSession();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: async ({ confirm: _confirm, ...values }: AcceptValues) => {
      await api('/invitations/accept', { method: 'POST', body: { ...values, token } });
      await login(values.login, values.password);
    },
    onSuccess: () => {
      message.success('账号已开通，已登录');
      void navigate('/', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      if (e instanceof ApiError && e.code === 'LOGIN_TAKEN') {
        showFieldErrors(form, [{ path: 'login', message: e.message }]);
      }
    },
  });
  return (
    <>
      {accept.error && (
        <Alert type="error" showIcon title={describeError(accept.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<AcceptValues> form={form} layout="vertical" onFinish={(values) => accept.mutate(values)}>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入真实姓名' }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label="手机号码" name="mobile" rules={MOBILE_RULES}>
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          label="登录名"
          name="login"
          rules={[
            { required: true, message: '请输入登录名' },
            {
              pattern: /^[a-zA-Z0-9][a-zA-Z0-9._@-]{2,63}$/,
              message: '登录名应为 3–64 位字母、数字或 . _ @ -，并以字母或数字开头',
            },
          ]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          label="密码"
          name="password"
          rules={[
            { required: true, message: '请输入密码' },
            { min: 8, message: '密码至少 8 位' },
            { pattern: /[A-Za-z]/, message: '密码须包含字母' },
            { pattern: /[0-9]/, message: '密码须包含数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={accept.isPending} block size="large">
          开通账号并登录
        </Button>
      </Form>
    </>
  );
}
