import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_RESET_TTL_MINUTES } from '../../../contract/auth.js';
import { addTranslations } from '../../app/i18n.js';
import { api } from '../../shared/api.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, publicError } from './PublicFrame.js';

addTranslations('forgot-password', {
  'zh-CN': {
    title: '忘记密码',
    sent: '请查收电子邮件',
    intro:
      '填写登录名或账号登记的电子邮箱，我们会把重置密码的链接发到该邮箱，链接 {{minutes}} 分钟内有效、只能使用一次。账号未登记电子邮箱的，请联系本单位管理员或主管部门。',
    account: '登录名或电子邮箱',
    accountRequired: '请输入登录名或电子邮箱',
    submit: '发送重置链接',
    back: '返回登录',
  },
  en: {
    title: 'Forgot your password',
    sent: 'Please check your e-mail',
    sentDetail:
      'If the account exists and has an e-mail address, a link to reset its password has been sent there.',
    intro:
      'Enter your login name or the e-mail address registered with your account. We will send a link to reset your password to that address; it is valid for {{minutes}} minutes and can be used once. If your account has no e-mail address, please contact your unit administrator or your supervising department.',
    account: 'Login name or e-mail',
    accountRequired: 'Enter your login name or e-mail address',
    submit: 'Send the reset link',
    back: 'Back to sign in',
  },
});

/** 忘记密码: a reset link is e-mailed to the account's address; the answer never says whether it exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('forgot-password');
  const request = useMutation({
    mutationFn: (account: string) =>
      api<{ message: string }>('/auth/password-reset', { method: 'POST', body: { account } }),
  });

  return (
    <PublicFrame>
      <PublicCard title={t('title')}>
        {request.data ? (
          <Alert
            type="success"
            showIcon
            title={t('sent')}
            // The server's answer is Chinese; English says the same in its own words.
            description={t('sentDetail', { defaultValue: request.data.message })}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('intro', { minutes: PASSWORD_RESET_TTL_MINUTES })}
            </Typography.Paragraph>
            {request.error && (
              <Alert type="error" showIcon title={publicError(request.error)} style={{ marginBottom: 16 }} />
            )}
            <Form<{ account: string }>
              layout="vertical"
              requiredMark={false}
              onFinish={({ account }) => request.mutate(account)}
            >
              <Form.Item
                label={t('account')}
                name="account"
                htmlFor="reset-account"
                rules={[{ required: true, whitespace: true, message: t('accountRequired') }]}
              >
                <Input autoComplete="username" autoFocus id="reset-account" maxLength={254} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={request.isPending}>
                {t('submit')}
              </Button>
            </Form>
          </>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/login">{t('back')}</Link>
        </Typography.Paragraph>
      </PublicCard>
    </PublicFrame>
  );
}
