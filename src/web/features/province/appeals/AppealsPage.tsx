import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { AppealDecisionBody, ProvinceAppealView } from '../../../../contract/appeals.js';
import type { AppealStatus } from '../../../../core/appeals/statuses.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { evidenceUrl } from '../../applicant/avoid-appeal/api.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { APPEALS_KEY, decideAppeal, provinceAppealsQuery } from './api.js';

// 不予受理复核 (issue 14 §8): the applicants' requests with their deadline and status; the 项目管理中心 upholds
// one (the 形式审查 becomes 受理) or dismisses it with a reason.

type Filter = AppealStatus | 'all';
const STATUS_COLORS: Record<AppealStatus, string> = {
  open: 'processing',
  upheld: 'success',
  dismissed: 'error',
};

export function AppealsPage() {
  const { query: calls, callId, select } = useReviewCall();
  const [status, setStatus] = useUrlParam('status');
  const filter = (status ?? 'all') as Filter;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        不予受理复核
      </Typography.Title>
      <Card>
        <Space wrap>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
          <Segmented<Filter>
            value={filter}
            onChange={(value) => setStatus(value === 'all' ? undefined : value)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'open', label: '待复核' },
              { value: 'upheld', label: '予以受理' },
              { value: 'dismissed', label: '维持不予受理' },
            ]}
          />
        </Space>
      </Card>
      <PageState query={calls}>
        {() => callId && <AppealList callId={callId} status={filter === 'all' ? undefined : filter} />}
      </PageState>
    </Space>
  );
}

function AppealList({ callId, status }: { callId: string; status: AppealStatus | undefined }) {
  const appeals = useQuery(provinceAppealsQuery(callId, status));
  const [deciding, setDeciding] = useState<ProvinceAppealView>();
  return (
    <>
      <PageState query={appeals}>
        {({ appeals: list }) =>
          list.length === 0 ? (
            <Card>
              <Empty description="没有复核申请" />
            </Card>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {list.map((a) => (
                <Card
                  key={a.id}
                  size="small"
                  data-testid="province-appeal"
                  title={<span style={{ whiteSpace: 'normal' }}>{a.title || '（未填写项目名称）'}</span>}
                  extra={<Tag color={STATUS_COLORS[a.status]}>{a.statusLabel}</Tag>}
                >
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { label: '受理编号', children: a.acceptanceNo ?? '—' },
                      { label: '申报单位', children: a.organizationName },
                      { label: '申请时间', children: beijingTime(a.filedAt) },
                      { label: '申请期限', children: a.deadlineText },
                      {
                        label: '复核理由',
                        children: (
                          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {a.reasons}
                          </span>
                        ),
                      },
                      {
                        label: '证明材料',
                        children:
                          a.evidence.length === 0
                            ? '无'
                            : a.evidence.map((e) => (
                                <div key={e.index}>
                                  <a href={evidenceUrl(a.id, e.index)} target="_blank" rel="noreferrer">
                                    {e.fileName}
                                  </a>
                                </div>
                              )),
                      },
                      ...(a.decidedAt
                        ? [
                            { label: '复核时间', children: beijingTime(a.decidedAt) },
                            ...(a.decisionReason ? [{ label: '复核意见', children: a.decisionReason }] : []),
                          ]
                        : []),
                    ]}
                  />
                  {a.status === 'open' && (
                    <Button type="primary" onClick={() => setDeciding(a)}>
                      作出复核结论
                    </Button>
                  )}
                </Card>
              ))}
            </Space>
          )
        }
      </PageState>
      {deciding && <DecisionModal appeal={deciding} onClose={() => setDeciding(undefined)} />}
    </>
  );
}

function DecisionModal({ appeal, onClose }: { appeal: ProvinceAppealView; onClose(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppealDecisionBody>();
  const outcome = Form.useWatch('outcome', form);
  const decide = useMutation({
    mutationFn: (body: AppealDecisionBody) => decideAppeal(appeal.id, body),
    onSuccess: async () => {
      void message.success('已作出复核结论');
      await queryClient.invalidateQueries({ queryKey: APPEALS_KEY });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length > 0) {
        form.setFields(
          error.fields.map((f) => ({ name: f.path as keyof AppealDecisionBody, errors: [f.message] })),
        );
      } else Modal.error({ title: '未能作出复核结论', content: describeError(error) });
    },
  });
  return (
    <Modal
      open
      title={`复核：${appeal.title}`}
      okText="确定"
      cancelText="取消"
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(values) => decide.mutate(values)}>
        <Form.Item name="outcome" label="复核结论" rules={[{ required: true, message: '请选择复核结论' }]}>
          <Radio.Group
            options={[
              { value: 'upheld', label: '复核成立，予以受理' },
              { value: 'dismissed', label: '复核不成立，维持不予受理' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="复核意见"
          rules={[{ required: outcome === 'dismissed', whitespace: true, message: '维持不予受理须写明理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
