import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { INITIAL_PASSWORD_NOTE, PASSWORD_MIN_LENGTH } from '../../../contract/auth.js';
import type { CreatePersonBody, PersonView, UpdatePersonBody } from '../../../contract/people.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { EMAIL_RULES, MOBILE_RULES, showFieldErrors } from '../../shared/forms.js';
import { newPasswordRules } from '../../shared/NewPasswordFields.js';
import { peopleQuery } from './queries.js';

interface PersonValues {
  name: string;
  idNumber?: string;
  ongoingProvincialProjects?: number;
  withAccount?: boolean;
  login?: string;
  password?: string;
  mobile?: string;
  email?: string;
}

/** Registers a person (`person` absent) or changes one; mounted for each opening, so it starts afresh. */
export function PersonModal({
  person,
  onClose,
  onSaved,
}: {
  person: PersonView | undefined;
  onClose(): void;
  onSaved(person: PersonView): void;
}) {
  const [form] = Form.useForm<PersonValues>();
  const withAccount = Form.useWatch('withAccount', form);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: PersonValues) => savePerson(person, values),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: peopleQuery.queryKey });
      onSaved(saved);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      showFieldErrors(form, e.fields, (path) => path.replace(/^account\./, ''));
      if (e.code === 'LOGIN_TAKEN') showFieldErrors(form, [{ path: 'login', message: e.message }]);
      if (e.code === 'ID_NUMBER_TAKEN') showFieldErrors(form, [{ path: 'idNumber', message: e.message }]);
    },
  });

  return (
    <Modal
      title={person ? `修改项目负责人：${person.name}` : '登记项目负责人'}
      open
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (values) => save.mutate(values),
          () => undefined,
        )
      }
      okText="保存"
      confirmLoading={save.isPending}
    >
      {save.error && (
        <Alert type="error" showIcon title={describeError(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<PersonValues>
        form={form}
        layout="vertical"
        name="person"
        initialValues={
          person
            ? {
                name: person.name,
                ongoingProvincialProjects: person.ongoingProvincialProjects,
              }
            : { ongoingProvincialProjects: 0, withAccount: false }
        }
      >
        <Form.Item
          label="姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label="证件号码"
          name="idNumber"
          extra={
            person?.idNumber
              ? `已登记 ${person.idNumber}（为保护个人信息不再完整显示）；不修改请留空`
              : '居民身份证号或护照号；同一单位内不能重复'
          }
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          label="主持的在研省级科技项目数"
          name="ongoingProvincialProjects"
          extra="有在研省科技计划项目的负责人，不得牵头申报（〔二、3〕，定向组织项目除外）"
        >
          <InputNumber min={0} max={99} precision={0} />
        </Form.Item>
        {!person && (
          <>
            <Form.Item label="同时开通登录账号" name="withAccount" valuePropName="checked">
              <Switch />
            </Form.Item>
            {withAccount && (
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    label="登录名"
                    name="login"
                    rules={[
                      { required: true, message: '请输入登录名' },
                      {
                        pattern: /^[a-zA-Z0-9][a-zA-Z0-9._@-]{2,63}$/,
                        message: '3–64 位字母、数字或 . _ @ -，以字母或数字开头',
                      },
                    ]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label="初始密码"
                    name="password"
                    rules={newPasswordRules}
                    extra={`${PASSWORD_MIN_LENGTH} 个字符以上，不能是常见密码；${INITIAL_PASSWORD_NOTE}`}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="手机号码" name="mobile" rules={MOBILE_RULES}>
                    <Input inputMode="tel" autoComplete="off" maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="电子邮箱" name="email" rules={EMAIL_RULES}>
                    <Input inputMode="email" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

async function savePerson(person: PersonView | undefined, values: PersonValues): Promise<PersonView> {
  if (person) {
    const changes: UpdatePersonBody = {
      name: values.name,
      // Left blank: the number on record stays (the form never receives it to send back).
      ...(values.idNumber?.trim()
        ? { idNumber: values.idNumber }
        : person.idNumber
          ? {}
          : { idNumber: null }),
      ongoingProvincialProjects: values.ongoingProvincialProjects ?? 0,
    };
    const r = await api<{ person: PersonView }>(`/organization/people/${person.id}`, {
      method: 'PATCH',
      body: changes,
    });
    return r.person;
  }
  const body: CreatePersonBody = {
    name: values.name,
    ...(values.idNumber?.trim() ? { idNumber: values.idNumber } : {}),
    ongoingProvincialProjects: values.ongoingProvincialProjects ?? 0,
    ...(values.withAccount && values.login && values.password && values.mobile && values.email
      ? {
          account: {
            login: values.login,
            password: values.password,
            mobile: values.mobile,
            email: values.email,
          },
        }
      : {}),
  };
  const r = await api<{ person: PersonView }>('/organization/people', { method: 'POST', body });
  return r.person;
}
