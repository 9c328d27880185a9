import { App, Alert, Button, Card, Col, Divider, Form, Input, Row, type SelectProps, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { normalizeCreditCode } from '../../../core/credit-code.js';
import { PASSWORD_HINT, type RegisterOrganizationBody } from '../../../contract/auth.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { departmentOptionsQuery } from '../../shared/departments.js';
import { creditCodeRule, EMAIL_RULES, MOBILE_RULES, showFieldErrors } from '../../shared/forms.js';
import { newPasswordRules } from '../../shared/NewPasswordFields.js';
import { OrganizationFields } from '../../shared/OrganizationFields.js';
import { PageState } from '../../shared/PageState.js';
import { useSession } from '../../app/session.js';
import { PublicFrame } from './PublicFrame.js';

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
  const departmentOptions = useQuery(departmentOptionsQuery);
  return (
    <PublicFrame width={760}>
      <Card title="申报单位注册">
        <PageState query={departmentOptions}>
          {(options) => <RegisterForm departmentOptions={options} />}
        </PageState>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          已有账号？<Link to="/login">登录</Link>
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}

/** Registers the unit with its administrator, then signs the administrator in. */
function RegisterForm({ departmentOptions }: { departmentOptions: SelectProps['options'] }) {
  const [form] = Form.useForm<RegisterValues>();
  const { message } = App.useApp();
  const { login } = useSession();
  const navigate = useNavigate();
  const [takenCode, setTakenCode] = useState<string>();
  const register = useMutation({
    mutationFn: async (body: RegisterOrganizationBody) => {
      await api('/auth/register-organization', { method: 'POST', body });
      await login(body.admin.login, body.admin.password);
    },
    onSuccess: () => {
      message.success('单位注册成功，已登录；请等待项目主管部门审核');
      void navigate('/organization', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      if (e instanceof ApiError && e.code === 'CREDIT_CODE_TAKEN') {
        showFieldErrors(form, [{ path: 'organization.creditCode', message: e.message }]);
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
          title={describeError(register.error)}
          style={{ marginBottom: 16 }}
          action={
            takenCode && (
              <Link to={`/claim-organization?creditCode=${encodeURIComponent(takenCode)}`}>认领该单位</Link>
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
        <Divider titlePlacement="start">单位信息</Divider>
        <OrganizationFields
          prefix={['organization']}
          departmentOptions={departmentOptions}
          creditCode={
            <Form.Item
              label="统一社会信用代码"
              name={['organization', 'creditCode']}
              required
              normalize={(value: string) => normalizeCreditCode(value)}
              rules={[creditCodeRule]}
              hasFeedback
              extra="18 位，输入时即按 GB 32100-2015 校验；全角字符、小写字母会自动转换"
            >
              <Input maxLength={24} className="mono" placeholder="例如 91320100MA1XXXXXXX" />
            </Form.Item>
          }
        />

        <Divider titlePlacement="start">单位管理员账号</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="管理员姓名"
              name={['admin', 'displayName']}
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="手机号码" name={['admin', 'mobile']} rules={MOBILE_RULES}>
              <Input inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="电子邮箱"
              name={['admin', 'email']}
              extra="接收审核结果、截止提醒和重置密码邮件"
              rules={EMAIL_RULES}
            >
              <Input inputMode="email" autoComplete="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="登录名"
              name={['admin', 'login']}
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
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="密码"
              name={['admin', 'password']}
              rules={newPasswordRules}
              extra={PASSWORD_HINT}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="确认密码"
              name={['admin', 'confirm']}
              dependencies={[['admin', 'password']]}
              rules={[
                { required: true, message: '请再次输入密码' },
                ({ getFieldValue }) => ({
                  validator: async (_, value) => {
                    if (value && value !== getFieldValue(['admin', 'password'])) {
                      throw new Error('两次输入的密码不一致');
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
          注册并登录
        </Button>
      </Form>
    </>
  );
}
