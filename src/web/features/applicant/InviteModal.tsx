import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import {
  INVITATION_VALID_DAYS,
  type InvitationView,
  type InviteUserBody,
} from '../../../contract/organization-users.js';
import { UNIT_ROLES, USER_ROLE_LABELS } from '../../../contract/vocabulary.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { EMAIL_RULES, showFieldErrors } from '../../shared/forms.js';
import { invitationsQuery, peopleQuery } from './queries.js';

const ROLE_HINTS: Record<InviteUserBody['role'], string> = {
  'unit-admin': '可管理本单位用户，填写和提交申报书',
  'unit-contact': '可填写和提交本单位的申报书，不能管理用户',
  pi: '只能处理本人负责的申报书',
};

/** Invites one user by e-mail; the link is then shown this once (the server keeps only its hash). */
export function InviteModal({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm<InviteUserBody>();
  const role = Form.useWatch('role', form);
  const queryClient = useQueryClient();
  const people = useQuery({ ...peopleQuery, enabled: role === 'pi' });
  const send = useMutation({
    mutationFn: (body: InviteUserBody) =>
      api<{ invitation: InvitationView; link: string }>('/organization/invitations', {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey }),
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
    },
  });

  if (send.data) {
    return (
      <Modal
        title="邀请已发出"
        open
        onCancel={onClose}
        onOk={onClose}
        cancelButtonProps={{ hidden: true }}
        okText="完成"
      >
        <Typography.Paragraph>
          邀请邮件已发往 {send.data.invitation.email}。对方打开邮件中的链接，设置登录名和密码后即可登录；链接{' '}
          {INVITATION_VALID_DAYS} 天内有效，只能使用一次。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          如对方未收到邮件（例如系统未配置邮件服务），可将以下链接通过其他方式转交。链接只在此显示这一次：
        </Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: send.data.link }} code style={{ wordBreak: 'break-all' }}>
          {send.data.link}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      title="邀请用户"
      open
      onCancel={onClose}
      okText="发送邀请"
      confirmLoading={send.isPending}
      onOk={() =>
        form.validateFields().then(
          (values) => send.mutate(values),
          () => undefined,
        )
      }
    >
      {send.error && (
        <Alert type="error" showIcon title={describeError(send.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<InviteUserBody>
        form={form}
        layout="vertical"
        name="invite"
        initialValues={{ role: 'unit-contact' }}
      >
        <Form.Item label="电子邮箱" name="email" rules={EMAIL_RULES}>
          <Input autoComplete="off" inputMode="email" />
        </Form.Item>
        <Form.Item label="角色" name="role" extra={role && ROLE_HINTS[role]}>
          <Radio.Group options={UNIT_ROLES.map((r) => ({ value: r, label: USER_ROLE_LABELS[r] }))} />
        </Form.Item>
        {role === 'pi' && (
          <Form.Item
            label="项目负责人"
            name="personId"
            rules={[{ required: true, message: '请选择本单位登记的项目负责人' }]}
            extra="只列出尚未开通账号的人员；请先在“项目负责人”中登记"
          >
            <Select
              loading={people.isPending}
              options={(people.data ?? [])
                .filter((p) => !p.login)
                .map((p) => ({ value: p.id, label: p.name }))}
              placeholder="选择人员"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
