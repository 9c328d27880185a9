import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { INITIAL_PASSWORD_NOTE, PASSWORD_HINT } from '../../../../contract/auth.js';
import type { CreateExpertBody } from '../../../../contract/experts.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { newPasswordRules } from '../../../shared/NewPasswordFields.js';
import { EXPERTS_KEY, expertsApi } from './api.js';
import { SelectTags } from './SelectTags.js';

interface ExpertFormValues {
  name: string;
  organizationName: string;
  organizationCreditCode?: string;
  fields: string[];
  title?: string;
  phone?: string;
  email?: string;
  account: { login: string; password: string };
}

const profileOf = (v: Omit<ExpertFormValues, 'account'>) => ({
  name: v.name,
  organizationName: v.organizationName,
  organizationCreditCode: v.organizationCreditCode?.trim() || null,
  fields: v.fields,
  title: v.title ?? '',
  phone: v.phone ?? '',
  email: v.email ?? '',
});

/** 新增专家, with the login the expert signs in with. */
export function CreateExpertModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ExpertFormValues>();
  const creating = useMutation({
    mutationFn: (values: ExpertFormValues) =>
      expertsApi.create({ ...profileOf(values), account: values.account } satisfies CreateExpertBody),
    onSuccess: () => {
      form.resetFields();
      onClose();
      return queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) showFieldErrors(form, e.fields);
      else Modal.error({ title: '未能新增专家', content: describeError(e) });
    },
  });
  return (
    <Modal
      title="新增专家（同时开通专家登录账号）"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={creating.isPending}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => creating.mutate(v)} initialValues={{ fields: [] }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label="职称">
          <Input />
        </Form.Item>
        <Form.Item
          name="organizationName"
          label="所在单位"
          rules={[{ required: true, message: '请填写所在单位' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="organizationCreditCode"
          label="所在单位统一社会信用代码"
          extra="境外单位可不填；用于利益冲突回避"
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          name="fields"
          label="学科/领域"
          extra="输入后回车，可填多项；与申报书的技术领域匹配"
          rules={[{ required: true, message: '请至少填写一项' }]}
        >
          <SelectTags />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱">
          <Input />
        </Form.Item>
        <Form.Item
          name={['account', 'login']}
          label="登录名"
          rules={[{ required: true, message: '请填写登录名' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['account', 'password']}
          label="初始密码"
          rules={newPasswordRules}
          extra={`${PASSWORD_HINT}。${INITIAL_PASSWORD_NOTE}`}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
