import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { addTranslations } from '../../app/i18n.js';
import { ApiError, api } from '../../shared/api.js';
import { clearFieldErrors, showFieldErrors } from '../../shared/forms.js';
import { NewPasswordFields } from '../../shared/NewPasswordFields.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, publicError } from './PublicFrame.js';

addTranslations('reset-password', {
  'zh-CN': {
    title: '重置密码',
    done: '新密码已设置',
    doneDetail: '该账号在所有设备上的登录均已退出，请用新密码登录。',
    signIn: '去登录',
    incomplete: '链接不完整，请从邮件中重新打开，或重新申请',
    askAgain: '重新申请重置密码',
    submit: '设置新密码',
  },
  en: {
    title: 'Reset your password',
    done: 'Your new password is set',
    doneDetail: 'The account has been signed out on every device. Sign in with the new password.',
    signIn: 'Sign in',
    incomplete: 'The link is incomplete. Open it again from the e-mail, or ask for a new one.',
    askAgain: 'Ask for a new reset link',
    submit: 'Set the new password',
  },
});

interface Values {
  newPassword: string;
  confirmPassword: string;
}

// A link that can no longer be used: asking again is the way on.
const DEAD_LINK = new Set(['RESET_LINK_INVALID', 'RESET_LINK_EXPIRED', 'RESET_LINK_USED']);

/** The page an e-mailed reset link opens: a new password, once, within its validity. */
export function ResetPasswordPage() {
  const { t } = useTranslation('reset-password');
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
      <PublicCard title={t('title')}>
        {reset.isSuccess ? (
          <Result
            status="success"
            title={t('done')}
            subTitle={t('doneDetail')}
            extra={
              <Link to="/login">
                <Button type="primary">{t('signIn')}</Button>
              </Link>
            }
          />
        ) : !token || dead ? (
          <Result
            status="warning"
            title={dead ? publicError(reset.error) : t('incomplete')}
            extra={
              <Link to="/forgot-password">
                <Button type="primary">{t('askAgain')}</Button>
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
              <Alert type="error" showIcon title={publicError(reset.error)} style={{ marginBottom: 16 }} />
            )}
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" block loading={reset.isPending}>
              {t('submit')}
            </Button>
          </Form>
        )}
      </PublicCard>
    </PublicFrame>
  );
}
