import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Radio, Typography } from 'antd';
import { ApiError } from '../../shared/api.js';
import { showFieldErrors } from '../../shared/forms.js';
import { SaveModal } from '../../shared/SaveModal.js';
import { expertApi, type MyInvitationView } from './api.js';

interface AcceptValues {
  confidentiality: boolean;
  conflicts: { conflict?: boolean; reason?: string }[];
}

/** 接受邀请: the 保密承诺 read and agreed, and for every application a yes/no conflict (a reason for a yes). */
export function AcceptInvitationModal({
  invitation,
  onClose,
}: {
  invitation: MyInvitationView;
  onClose(): void;
}) {
  const [form] = Form.useForm<AcceptValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const answers = Form.useWatch('conflicts', form) ?? [];
  const save = async () => {
    const v = await form.validateFields();
    try {
      await expertApi.accept(invitation.id, {
        confidentiality: true,
        conflicts: invitation.applications.map((a, i) => ({
          applicationId: a.applicationId,
          conflict: v.conflicts[i]?.conflict === true,
          reason: v.conflicts[i]?.conflict ? v.conflicts[i]?.reason : undefined,
        })),
      });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: ['expert'] });
  };
  const closed = (saved: boolean) => {
    onClose();
    if (saved) void message.success('已接受邀请，可在“我的评审任务”中评分');
  };
  return (
    <SaveModal title="接受评审邀请" okText="接受邀请" save={save} onClose={closed}>
      <Form form={form} layout="vertical">
        <Typography.Title level={5}>保密承诺</Typography.Title>
        <Typography.Paragraph
          data-testid="confidentiality-text"
          style={{ background: 'rgba(0,0,0,0.03)', padding: 8, wordBreak: 'break-all' }}
        >
          {invitation.confidentialityText}
        </Typography.Paragraph>
        <Form.Item
          name="confidentiality"
          valuePropName="checked"
          rules={[
            {
              validator: (_, checked) =>
                checked ? Promise.resolve() : Promise.reject(new Error('请阅读并勾选同意保密承诺')),
            },
          ]}
        >
          <Checkbox data-testid="agree-confidentiality">我已阅读并同意上述保密承诺</Checkbox>
        </Form.Item>
        {invitation.applications.length > 0 && <Typography.Title level={5}>利益冲突声明</Typography.Title>}
        {invitation.applications.map((a, i) => (
          <div key={a.applicationId} data-testid="conflict-question">
            <Form.Item
              name={['conflicts', i, 'conflict']}
              label={`“${a.title || '（未填写项目名称）'}”（${a.applicant}）：是否存在利益冲突？`}
              rules={[{ required: true, message: '请选择是否存在利益冲突' }]}
            >
              <Radio.Group
                options={[
                  { value: false, label: '否' },
                  { value: true, label: '是（回避该项目）' },
                ]}
              />
            </Form.Item>
            {answers[i]?.conflict === true && (
              <Form.Item
                name={['conflicts', i, 'reason']}
                label="利益冲突理由"
                rules={[{ required: true, whitespace: true, message: '请填写利益冲突理由' }]}
              >
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="conflict-reason" />
              </Form.Item>
            )}
          </div>
        ))}
      </Form>
    </SaveModal>
  );
}

/** 谢绝邀请: the reason is required; the applications go back to the province for another expert. */
export function DeclineInvitationModal({
  invitation,
  onClose,
}: {
  invitation: MyInvitationView;
  onClose(): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = async () => {
    const { reason } = await form.validateFields();
    try {
      await expertApi.decline(invitation.id, { reason });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: ['expert'] });
  };
  const closed = (saved: boolean) => {
    onClose();
    if (saved) void message.success('已谢绝邀请，省科技项目管理中心将另行分配专家');
  };
  return (
    <SaveModal title="谢绝评审邀请" okText="确认谢绝" save={save} onClose={closed}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="谢绝理由"
          rules={[{ required: true, whitespace: true, message: '请填写谢绝理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
