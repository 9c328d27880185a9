import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  Radio,
  Row,
  Select,
  type SelectProps,
  Typography,
} from 'antd';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { DEPARTMENT_KINDS, ORGANIZATION_KINDS, type OrganizationKind } from '../../../core/bundle/schema.js';
import { normalizeCreditCode, validateCreditCode } from '../../../core/credit-code.js';
import { DEPARTMENT_KIND_LABELS, ORGANIZATION_KIND_LABELS } from '../../../core/labels.js';
import { PASSWORD_HINT, type RegisterOrganizationBody } from '../../../contract/auth.js';
import type { DepartmentView } from '../../../contract/departments.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { EMAIL_RULES, MOBILE_RULES, showFieldErrors } from '../../shared/forms.js';
import { newPasswordRules } from '../../shared/NewPasswordFields.js';
import { PageState } from '../../shared/PageState.js';
import { useSession } from '../../app/session.js';
import { PublicFrame } from './PublicFrame.js';

interface RegisterValues {
  organization: Omit<RegisterOrganizationBody['organization'], 'registeredOn'> & { registeredOn: Dayjs };
  admin: RegisterOrganizationBody['admin'] & { confirm: string };
}

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** The form's rule for a 统一社会信用代码, checked as it is typed (GB 32100-2015). */
export const creditCodeRule = {
  validator: async (_: unknown, value: string | undefined) => {
    if (!value) throw new Error('请输入统一社会信用代码');
    const verdict = validateCreditCode(normalizeCreditCode(value));
    if (!verdict.ok) throw new Error(verdict.reason);
  },
};

/** The departments to register under, grouped by kind for the select. */
const departmentOptionsQuery = queryOptions({
  queryKey: ['departments'],
  queryFn: ({ signal }) => api<{ departments: DepartmentView[] }>('/departments', { signal }),
  select: ({ departments }) =>
    DEPARTMENT_KINDS.map((k) => ({
      label: DEPARTMENT_KIND_LABELS[k],
      options: departments.filter((d) => d.kind === k).map((d) => ({ value: d.id, label: d.name })),
    })).filter((group) => group.options.length > 0),
});

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
  const kind = Form.useWatch(['organization', 'kind'], form) as OrganizationKind | undefined;
  const register = useMutation({
    mutationFn: async (body: RegisterOrganizationBody) => {
      await api('/auth/register-organization', { method: 'POST', body });
      await login(body.admin.login, body.admin.password);
    },
    onSuccess: () => {
      message.success('单位注册成功，已登录');
      void navigate('/people', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      if (e instanceof ApiError && e.code === 'CREDIT_CODE_TAKEN') {
        showFieldErrors(form, [{ path: 'organization.creditCode', message: e.message }]);
      }
    },
  });

  return (
    <>
      {register.error && (
        <Alert type="error" showIcon title={describeError(register.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={(values) => register.mutate(bodyOf(values))}
        scrollToFirstError
        initialValues={{ organization: { ministryOrProvincialUniversity: false } }}
      >
        <Divider titlePlacement="start">单位信息</Divider>
        <Form.Item
          label="单位名称"
          name={['organization', 'name']}
          rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
        >
          <Input maxLength={200} placeholder="与营业执照或法人证书一致" />
        </Form.Item>
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
        <Form.Item
          label="单位类型"
          name={['organization', 'kind']}
          rules={[{ required: true, message: '请选择单位类型' }]}
        >
          <Radio.Group
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))}
          />
        </Form.Item>
        {kind === 'university' && (
          <Form.Item name={['organization', 'ministryOrProvincialUniversity']} valuePropName="checked">
            <Checkbox>部省属本科高校（自主推荐）</Checkbox>
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="注册（成立）日期"
              name={['organization', 'registeredOn']}
              rules={[{ required: true, message: '请选择注册日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label="是否在江苏省注册"
              name={['organization', 'inJiangsu']}
              rules={[{ required: true, message: '请选择' }]}
            >
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label="是否独立法人"
              name={['organization', 'independentLegalEntity']}
              rules={[{ required: true, message: '请选择' }]}
            >
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="项目主管部门"
          name={['organization', 'departmentId']}
          rules={[{ required: true, message: '请选择项目主管部门' }]}
          extra="按属地选择设区市、县（市）科技局或高新区管委会；部省属本科高校选择本校"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departmentOptions}
            placeholder="输入名称搜索"
          />
        </Form.Item>

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
