import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Col,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CreatePersonBody, PersonView, UpdatePersonBody } from '../../../contract/people.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { showFieldErrors } from '../../shared/forms.js';
import { useUser } from '../../app/session.js';

interface PersonValues {
  name: string;
  idNumber?: string;
  ongoingProvincialProjects?: number;
  withAccount?: boolean;
  login?: string;
  password?: string;
}

function PersonModal({
  person,
  open,
  onClose,
  onSaved,
}: {
  /** Absent: a new person. */
  person: PersonView | undefined;
  open: boolean;
  onClose(): void;
  onSaved(person: PersonView): void;
}) {
  const [form] = Form.useForm<PersonValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const withAccount = Form.useWatch('withAccount', form);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            name: person.name,
            idNumber: person.idNumber ?? undefined,
            ongoingProvincialProjects: person.ongoingProvincialProjects,
          }
        : { ongoingProvincialProjects: 0, withAccount: false },
    );
  }, [open, person, form]);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      let saved: PersonView;
      if (person) {
        const changes: UpdatePersonBody = {
          name: values.name,
          idNumber: values.idNumber?.trim() ? values.idNumber : null,
          ongoingProvincialProjects: values.ongoingProvincialProjects ?? 0,
        };
        ({ person: saved } = await api<{ person: PersonView }>(`/organization/people/${person.id}`, {
          method: 'PATCH',
          body: changes,
        }));
      } else {
        const body: CreatePersonBody = {
          name: values.name,
          ...(values.idNumber?.trim() ? { idNumber: values.idNumber } : {}),
          ongoingProvincialProjects: values.ongoingProvincialProjects ?? 0,
          ...(values.withAccount && values.login && values.password
            ? { account: { login: values.login, password: values.password } }
            : {}),
        };
        ({ person: saved } = await api<{ person: PersonView }>('/organization/people', {
          method: 'POST',
          body,
        }));
      }
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        showFieldErrors(form, e.fields, (path) => path.replace(/^account\./, ''));
        if (e.code === 'LOGIN_TAKEN') showFieldErrors(form, [{ path: 'login', message: e.message }]);
        if (e.code === 'ID_NUMBER_TAKEN') showFieldErrors(form, [{ path: 'idNumber', message: e.message }]);
      }
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={person ? `修改项目负责人：${person.name}` : '登记项目负责人'}
      open={open}
      onCancel={onClose}
      onOk={save}
      okText="保存"
      confirmLoading={busy}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<PersonValues> form={form} layout="vertical" name="person">
        <Form.Item
          label="姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="证件号码" name="idNumber" extra="居民身份证号或护照号；同一单位内不能重复">
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
                    rules={[
                      { required: true, message: '请输入密码' },
                      { min: 8, message: '至少 8 位' },
                      { pattern: /[A-Za-z]/, message: '须包含字母' },
                      { pattern: /[0-9]/, message: '须包含数字' },
                    ]}
                  >
                    <Input.Password autoComplete="new-password" />
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

export function PeoplePage() {
  const user = useUser();
  const { message } = App.useApp();
  const [people, setPeople] = useState<PersonView[]>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<{ person?: PersonView } | null>(null);

  const isAdmin = user.role === 'unit-admin';
  const load = useCallback(() => {
    if (!isAdmin) return;
    api<{ people: PersonView[] }>('/organization/people').then(
      (r) => setPeople(r.people),
      (e: unknown) => setError(describeError(e)),
    );
  }, [isAdmin]);
  useEffect(load, [load]);

  if (!isAdmin) {
    return <Alert type="info" showIcon title="项目负责人由单位管理员登记和维护。" />;
  }

  return (
    <Card
      title="项目负责人"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          登记项目负责人
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        项目负责人须为申报单位在职人员〔二、1〕。同一项目负责人同一年度只能申报一项省科技计划项目〔二、3〕。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<PersonView>
        rowKey="id"
        loading={people === undefined && !error}
        dataSource={people}
        pagination={false}
        locale={{ emptyText: '尚未登记项目负责人，请先登记，再新建申报书' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          { title: '在研省级项目', dataIndex: 'ongoingProvincialProjects', width: 120 },
          {
            title: '登录账号',
            dataIndex: 'login',
            render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : <Tag>未开通</Tag>),
          },
          {
            title: '信用',
            dataIndex: 'dishonestyUntil',
            render: (v: string | null) =>
              v ? <Tag color="red">惩戒执行期至 {v}</Tag> : <Tag color="green">良好</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_, person) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ person })}>
                修改
              </Button>
            ),
          },
        ]}
      />
      <PersonModal
        open={editing !== null}
        person={editing?.person}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          message.success(`已保存：${saved.name}`);
          load();
        }}
      />
    </Card>
  );
}
