import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingCloseIn, fromBeijingPicker } from '../../../shared/format.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { PageState } from '../../../shared/PageState.js';
import { DuePicker } from '../experts/DuePicker.js';
import { PANELS_KEY, panelsApi, panelsQueries } from './api.js';

interface Values {
  title: string;
  startsAt: Dayjs;
  place?: string;
  onlineLink?: string;
  memberIds: string[];
  chairExpertId?: string;
  applicationIds: string[];
}

/** 新建会评会议: members among the experts who accepted an invitation of the call, a chair among them, the agenda. */
export function CreatePanelModal({ callId, onClose }: { callId: string; onClose(): void }) {
  const candidates = useQuery(panelsQueries.candidates(callId));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const members = Form.useWatch('memberIds', form) ?? [];
  const creating = useMutation({
    mutationFn: (v: Values) =>
      panelsApi.create({
        callId,
        title: v.title,
        startsAt: fromBeijingPicker(v.startsAt),
        place: v.place?.trim() ?? '',
        onlineLink: v.onlineLink?.trim() || null,
        memberIds: v.memberIds,
        chairExpertId: v.chairExpertId ?? '',
        applicationIds: v.applicationIds,
      }),
    onSuccess: async (panel) => {
      await queryClient.invalidateQueries({ queryKey: PANELS_KEY });
      onClose();
      await navigate(`/province/panels/${panel.meeting.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) showFieldErrors(form, e.fields);
      else Modal.error({ title: '未能新建会议', content: describeError(e) });
    },
  });
  return (
    <Modal
      title="新建会评会议"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={creating.isPending}
      okText="保存"
      destroyOnHidden
    >
      <PageState query={candidates}>
        {(c) => (
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => creating.mutate(v)}
            initialValues={{ title: '会评', startsAt: beijingCloseIn(7), memberIds: [], applicationIds: [] }}
          >
            {c.experts.length === 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title="本计划尚无接受评审邀请的专家：会评专家须已接受本计划某一评审轮次的邀请"
              />
            )}
            <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="startsAt"
              label="会议时间（北京时间）"
              rules={[{ required: true, message: '请填写会议时间' }]}
            >
              <DuePicker />
            </Form.Item>
            <Form.Item name="place" label="会议地点" extra="地点和线上会议链接至少填一项">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="onlineLink" label="线上会议链接">
              <Input maxLength={500} placeholder="https://" />
            </Form.Item>
            <Form.Item
              name="memberIds"
              label="参会专家（已接受本计划评审邀请）"
              rules={[{ required: true, message: '请选择参会专家' }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={c.experts.map((e) => ({
                  value: e.id,
                  label: `${e.name}（${e.organizationName}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="chairExpertId"
              label="会议主持人"
              rules={[{ required: true, message: '请选择会议主持人' }]}
            >
              <Select
                options={c.experts
                  .filter((e) => members.includes(e.id))
                  .map((e) => ({ value: e.id, label: e.name }))}
                notFoundContent="请先选择参会专家"
              />
            </Form.Item>
            <Form.Item
              name="applicationIds"
              label="议程项目（形式审查受理）"
              rules={[{ required: true, message: '请选择列入议程的项目' }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={c.applications.map((a) => ({
                  value: a.id,
                  label: `${a.acceptanceNo ?? ''} ${a.title}（函评${a.letter.count > 0 ? ` 平均 ${a.letter.mean}` : ' 尚无'}）`,
                }))}
              />
            </Form.Item>
          </Form>
        )}
      </PageState>
    </Modal>
  );
}
