import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api.js';
import { showFieldErrors } from '../../shared/forms.js';
import { SaveModal } from '../../shared/SaveModal.js';
import { expertApi, expertQueries } from './api.js';

/** 申请回避: the reason is required; the task goes back to the province, which assigns someone else. */
export function RecusalModal({ assignmentId, onClose }: { assignmentId: string; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = async () => {
    const { reason } = await form.validateFields();
    try {
      await expertApi.recuse(assignmentId, { reason });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: expertQueries.assignments().queryKey });
  };
  const closed = (saved: boolean) => {
    onClose();
    if (!saved) return;
    void message.success('已申请回避，任务已退回省科技项目管理中心重新分配');
    void navigate('/expert');
  };
  return (
    <SaveModal title="申请回避" okText="确认回避" save={save} onClose={closed}>
      <Typography.Paragraph>
        回避后本任务从“我的评审任务”中移除，已保存的评分草稿不再保留；回避理由记入专家库，省里再把本项目分配给您须另行写明理由。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="回避理由"
          rules={[{ required: true, whitespace: true, message: '请填写回避理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="recusal-reason" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
