import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DEFAULT_EXPERTS_PER_APPLICATION } from '../../../../core/experts/assignment.js';
import { describeError } from '../../../shared/api.js';
import { fromBeijingPicker } from '../../../shared/format.js';
import { EXPERTS_KEY, expertsApi } from './api.js';
import { DuePicker } from './DuePicker.js';
import { RoundSelect } from './RoundSelect.js';

interface AutoAssignValues {
  roundId: string;
  perApplication: number;
  dueAt?: Dayjs | null;
}

/** 自动分配: N experts per recommended application by field and load, never a conflicted one; what is short. */
export function AutoAssignModal({
  callId,
  open,
  onClose,
}: {
  callId: string;
  open: boolean;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AutoAssignValues>();
  const running = useMutation({
    mutationFn: (v: AutoAssignValues) =>
      expertsApi.autoAssign({
        roundId: v.roundId,
        perApplication: v.perApplication,
        dueAt: v.dueAt ? fromBeijingPicker(v.dueAt) : undefined,
      }),
    onSuccess: (result) => {
      onClose();
      Modal.info({
        title: `已分配 ${result.assigned.length} 人次`,
        content:
          result.shortfalls.length === 0 ? (
            '每项申报书都已配足专家。'
          ) : (
            <>
              <p>以下申报书没有足够的领域匹配且无利益冲突的专家，请手工分配：</p>
              <ul>
                {result.shortfalls.map((s) => (
                  <li key={s.applicationId}>
                    {s.acceptanceNo ?? ''} {s.title}：缺 {s.missing} 人
                  </li>
                ))}
              </ul>
            </>
          ),
      });
      return queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
    },
    onError: (e) => Modal.error({ title: '未能自动分配', content: describeError(e) }),
  });
  return (
    <Modal
      title="自动分配专家"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={running.isPending}
      okText="分配"
    >
      <Typography.Paragraph type="secondary">
        为每项已推荐的申报书补足本轮专家：只选技术领域匹配的专家，评审任务少的优先，存在利益冲突或已谢绝本轮邀请的专家不分配；尚未邀请的专家自动收到评审邀请。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ perApplication: DEFAULT_EXPERTS_PER_APPLICATION }}
        onFinish={(v) => running.mutate(v)}
      >
        <Form.Item name="roundId" label="评审轮次" rules={[{ required: true, message: '请选择评审轮次' }]}>
          <RoundSelect callId={callId} />
        </Form.Item>
        <Form.Item
          name="perApplication"
          label="每项专家人数"
          rules={[{ required: true, message: '请填写人数' }]}
        >
          <InputNumber min={1} max={15} precision={0} />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label="评审截止时间（北京时间）"
          extra="不填则为本轮的评分截止时间；可在日历中选择，也可直接输入，如 YYYY-MM-DD HH:mm"
        >
          <DuePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
