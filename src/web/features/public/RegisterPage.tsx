import { Alert, Button, Col, Divider, Form, Input, message, Row, type SelectProps, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { normalizeCreditCode } from '../../../core/credit-code.js';
import type { RegisterOrganizationBody } from '../../../contract/auth.js';
import { addTranslations } from '../../app/i18n.js';
import { useSession } from '../../app/session.js';
import { api, ApiError } from '../../shared/api.js';
import { departmentOptionsQuery } from '../../shared/departments.js';
import { creditCodeRule, emailRules, mobileRules, showFieldErrors } from '../../shared/forms.js';
import { useNewPasswordRules } from '../../shared/NewPasswordFields.js';
import { OrganizationFields } from '../../shared/OrganizationFields.js';
import { PageState } from '../../shared/PageState.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, publicError, usePublicPageState } from './PublicFrame.js';

addTranslations('register', {
  'zh-CN': {
    title: '申报单位注册',
    haveAccount: '已有账号？',
    signIn: '登录',
    registered: '单位注册成功，已登录；请等待项目主管部门审核',
    claim: '认领该单位',
    organization: '单位信息',
    creditCode: '统一社会信用代码',
    creditCodeHelp: '18 位，输入时即按 GB 32100-2015 校验；全角字符、小写字母会自动转换',
    creditCodePlaceholder: '例如 91320100MA1XXXXXXX',
    admin: '单位管理员账号',
    adminName: '管理员姓名',
    adminNameRequired: '请输入姓名',
    mobile: '手机号码',
    mobileRequired: '请输入手机号码',
    mobileInvalid: '应为 11 位手机号码，例如 13812345678',
    email: '电子邮箱',
    emailHelp: '接收审核结果、截止提醒和重置密码邮件',
    emailRequired: '请输入电子邮箱',
    emailInvalid: '请输入有效的电子邮箱地址',
    login: '登录名',
    loginRequired: '请输入登录名',
    loginInvalid: '登录名应为 3–64 位字母、数字或 . _ @ -，并以字母或数字开头',
    password: '密码',
    confirm: '确认密码',
    confirmRequired: '请再次输入密码',
    mismatch: '两次输入的密码不一致',
    submit: '注册并登录',
  },
  en: {
    title: 'Register an applicant organization',
    haveAccount: 'Already have an account? ',
    signIn: 'Sign in',
    registered:
      'Your organization is registered and you are signed in; its supervising department will now review it',
    claim: 'Claim this organization',
    organization: 'The organization',
    creditCode: 'Unified social credit code',
    creditCodeRequired: 'Enter the unified social credit code',
    creditCodeInvalid: 'Not a valid unified social credit code (18 characters, GB 32100-2015)',
    creditCodeHelp:
      '18 characters, checked as you type (GB 32100-2015); full-width characters and lower case are converted',
    creditCodePlaceholder: 'For example 91320100MA1XXXXXXX',
    admin: "The unit administrator's account",
    adminName: "Administrator's name",
    adminNameRequired: 'Enter the name',
    mobile: 'Mobile number',
    mobileRequired: 'Enter the mobile number',
    mobileInvalid: 'An 11-digit mainland mobile number, for example 13812345678',
    email: 'E-mail',
    emailHelp: 'For review results, deadline reminders and password resets',
    emailRequired: 'Enter the e-mail address',
    emailInvalid: 'Not a valid e-mail address',
    login: 'Login name',
    loginRequired: 'Enter a login name',
    loginInvalid: '3 to 64 letters, digits or . _ @ -, starting with a letter or digit',
    password: 'Password',
    confirm: 'Confirm the password',
    confirmRequired: 'Enter the password again',
    mismatch: 'The two passwords differ',
    submit: 'Register and sign in',
  },
});

interface RegisterValues {
  organization: Omit<RegisterOrganizationBody['organization'], 'registeredOn'> & { registeredOn: Dayjs };
  admin: RegisterOrganizationBody['admin'] & { confirm: string };
}

function bodyOf(values: RegisterValues): RegisterOrganizationBody {
  const { confirm: _confirm, ...admin } = values.admin;
  return {
    organization: {
      ...values.organization,
      creditCode: normalizeCreditCode(values.organization.creditCode),
      registeredOn: values.organization.registeredOn.format('YYYY-MM-DD'),
      ministryOrProvincialUniversity:
        values.organization.kind === 'university' && !!values.organization.ministryOrProvincialUniversity,
    },
    admin,
  };
}

export function RegisterPage() {
  const { t } = useTranslation('register');
  const words = usePublicPageState();
  const departmentOptions = useQuery(departmentOptionsQuery);
  return (
    <PublicFrame width={760}>
      <PublicCard title={t('title')}>
        <PageState query={departmentOptions} words={words}>
          {(options) => <RegisterForm departmentOptions={options} />}
        </PageState>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('haveAccount')}
          <Link to="/login">{t('signIn')}</Link>
        </Typography.Paragraph>
      </PublicCard>
    </PublicFrame>
  );
}

/** Registers the unit with its administrator, then signs the administrator in. */
function RegisterForm({ departmentOptions }: { departmentOptions: SelectProps['options'] }) {
  const { t, i18n } = useTranslation('register');
  const english = i18n.language === 'en';
  const password = useNewPasswordRules();
  const [form] = Form.useForm<RegisterValues>();
  const { login } = useSession();
  const navigate = useNavigate();
  const [takenCode, setTakenCode] = useState<string>();
  const register = useMutation({
    mutationFn: async (body: RegisterOrganizationBody) => {
      await api('/auth/register-organization', { method: 'POST', body });
      await login(body.admin.login, body.admin.password);
    },
    onSuccess: () => {
      // The static message: it stays on screen while the signed-in pages load.
      void message.success(t('registered'));
      void navigate('/organization', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      if (e instanceof ApiError && e.code === 'CREDIT_CODE_TAKEN') {
        showFieldErrors(form, [{ path: 'organization.creditCode', message: publicError(e) }]);
        setTakenCode(form.getFieldValue(['organization', 'creditCode']) as string);
      }
    },
  });

  return (
    <>
      {register.error && (
        <Alert
          type="error"
          showIcon
          title={publicError(register.error)}
          style={{ marginBottom: 16 }}
          action={
            takenCode && (
              <Link to={`/claim-organization?creditCode=${encodeURIComponent(takenCode)}`}>{t('claim')}</Link>
            )
          }
        />
      )}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={(values) => register.mutate(bodyOf(values))}
        scrollToFirstError
        initialValues={{ organization: { ministryOrProvincialUniversity: false } }}
      >
        <Divider titlePlacement="start">{t('organization')}</Divider>
        <OrganizationFields
          prefix={['organization']}
          departmentOptions={departmentOptions}
          creditCode={
            <Form.Item
              label={t('creditCode')}
              name={['organization', 'creditCode']}
              required
              normalize={(value: string) => normalizeCreditCode(value)}
              rules={[
                creditCodeRule(
                  english
                    ? { required: t('creditCodeRequired'), invalid: t('creditCodeInvalid') }
                    : undefined,
                ),
              ]}
              hasFeedback
              extra={t('creditCodeHelp')}
            >
              <Input maxLength={24} className="mono" placeholder={t('creditCodePlaceholder')} />
            </Form.Item>
          }
        />

        <Divider titlePlacement="start">{t('admin')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('adminName')}
              name={['admin', 'displayName']}
              rules={[{ required: true, whitespace: true, message: t('adminNameRequired') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('mobile')}
              name={['admin', 'mobile']}
              rules={mobileRules({ required: t('mobileRequired'), invalid: t('mobileInvalid') })}
            >
              <Input inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('email')}
              name={['admin', 'email']}
              extra={t('emailHelp')}
              rules={emailRules({ required: t('emailRequired'), invalid: t('emailInvalid') })}
            >
              <Input inputMode="email" autoComplete="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('login')}
              name={['admin', 'login']}
              rules={[
                { required: true, message: t('loginRequired') },
                { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._@-]{2,63}$/, message: t('loginInvalid') },
              ]}
            >
              <Input autoComplete="username" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('password')}
              name={['admin', 'password']}
              rules={password.rules}
              extra={password.hint}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('confirm')}
              name={['admin', 'confirm']}
              dependencies={[['admin', 'password']]}
              rules={[
                { required: true, message: t('confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_, value) => {
                    if (value && value !== getFieldValue(['admin', 'password'])) {
                      throw new Error(t('mismatch'));
                    }
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={register.isPending} block size="large">
          {t('submit')}
        </Button>
      </Form>
    </>
  );
}
