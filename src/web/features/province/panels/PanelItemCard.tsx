import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { formatWanDecimal, wanToYuan, yuanToWan } from '../../../../core/money.js';
import {
  PANEL_RECOMMENDATION_LABELS,
  PANEL_RECOMMENDATIONS,
  PANEL_VOTE_LABELS,
  PANEL_VOTES,
  tallyText,
  type PanelRecommendation,
  type PanelVote,
} from '../../../../core/panels/record.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { ItemRecord } from '../../../shared/panels/PanelRecordView.js';
import { PANELS_KEY, panelsApi, type PanelDetailView, type PanelItemView } from './api.js';

interface RecordValues {
  notes: string;
  consensusScore: number | null;
  recommendation: PanelRecommendation | null;
  /** 万元. */
  proposedWan: number | null;
}

const valuesOf = (item: PanelItemView): RecordValues => ({
  notes: item.notes,
  consensusScore: item.consensusScore,
  recommendation: item.recommendation,
  proposedWan: item.proposedFunding === null ? null : yuanToWan(item.proposedFunding),
});

/** A refusal: a stale version says to reload (the typed text stays in the form); fields show under themselves. */
function useRefusal() {
  const queryClient = useQueryClient();
  return (e: unknown, onFields?: (e: ApiError) => void) => {
    if (e instanceof ApiError && e.code === 'PANEL_RECORD_STALE') {
      Modal.warning({ title: '内容已被他人更新', content: describeError(e) });
      return queryClient.invalidateQueries({ queryKey: PANELS_KEY });
    }
    if (e instanceof ApiError && e.fields.length > 0 && onFields) return onFields(e);
    Modal.error({ title: '未能保存', content: describeError(e) });
  };
}

/** One agenda item: its 函评 results, each member's vote, and the record, written at the version read. */
export function PanelItemCard({
  panel,
  item,
  index,
  editable,
}: {
  panel: PanelDetailView;
  item: PanelItemView;
  index: number;
  editable: boolean;
}) {
  const a = item.application;
  return (
    <Card
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {index + 1}. {a.title}（{a.acceptanceNo ?? '无受理编号'}）
        </Typography.Text>
      }
      data-testid={`panel-item-${index + 1}`}
    >
      <Typography.Paragraph type="secondary">
        {a.organizationName} · 申请省资助经费 {formatWanDecimal(a.requestedFunding)}
        {item.limit && ` · 建议经费不超过${item.limit.reason} ${formatWanDecimal(item.limit.amount)}`}
      </Typography.Paragraph>
      {editable ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <VotesTable panel={panel} item={item} />
          <RecordForm panelId={panel.meeting.id} item={item} />
        </Space>
      ) : (
        <ItemRecord item={item} panel={panel} />
      )}
    </Card>
  );
}

function VotesTable({ panel, item }: { panel: PanelDetailView; item: PanelItemView }) {
  const queryClient = useQueryClient();
  const refuse = useRefusal();
  const voting = useMutation({
    mutationFn: ({ expertId, vote }: { expertId: string; vote: PanelVote }) =>
      panelsApi.vote(panel.meeting.id, item.id, expertId, {
        version: item.votes.find((v) => v.expertId === expertId)?.version ?? 0,
        vote,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PANELS_KEY }),
    onError: (e) => refuse(e),
  });
  const votes = new Map(item.votes.map((v) => [v.expertId, v.vote]));
  const { letter } = item;
  return (
    <>
      <Typography.Text>
        函评：
        {letter.count === 0
          ? '尚无已提交的函评'
          : `${letter.count} 位专家，平均 ${letter.mean}，中位 ${letter.median}，分差 ${letter.spread}`}
      </Typography.Text>
      <Table
        size="small"
        rowKey="expertId"
        pagination={false}
        dataSource={panel.members}
        title={() => `表决：${tallyText(item.tally)}`}
        columns={[
          { title: '专家', render: (_, m) => `${m.name}${m.chair ? '（主持人）' : ''}` },
          {
            title: '表决',
            render: (_, m) => (
              <Radio.Group
                aria-label={`${m.name}的表决`}
                value={votes.get(m.expertId)}
                disabled={voting.isPending}
                onChange={(e) => voting.mutate({ expertId: m.expertId, vote: e.target.value as PanelVote })}
                options={PANEL_VOTES.map((v) => ({ value: v, label: PANEL_VOTE_LABELS[v] }))}
              />
            ),
          },
        ]}
      />
    </>
  );
}

function RecordForm({ panelId, item }: { panelId: string; item: PanelItemView }) {
  const [form] = Form.useForm<RecordValues>();
  const queryClient = useQueryClient();
  const refuse = useRefusal();
  const recommendation = Form.useWatch('recommendation', form);
  // A newer version read from the server replaces what is shown, unless the user is typing over it.
  useEffect(() => {
    if (!form.isFieldsTouched()) form.setFieldsValue(valuesOf(item));
  }, [form, item]);
  const saving = useMutation({
    mutationFn: (v: RecordValues) =>
      panelsApi.saveRecord(panelId, item.id, {
        version: item.version,
        notes: v.notes ?? '',
        consensusScore: v.consensusScore ?? null,
        recommendation: v.recommendation ?? null,
        proposedFunding:
          v.proposedWan === null || v.proposedWan === undefined ? null : wanToYuan(v.proposedWan),
      }),
    onSuccess: async (saved) => {
      form.resetFields();
      form.setFieldsValue(valuesOf(saved));
      await queryClient.invalidateQueries({ queryKey: PANELS_KEY });
    },
    onError: (e) =>
      refuse(e, (error) =>
        showFieldErrors(form, error.fields, (path) => (path === 'proposedFunding' ? 'proposedWan' : path)),
      ),
  });
  return (
    <Form
      form={form}
      name={`record-${item.id}`}
      layout="vertical"
      initialValues={valuesOf(item)}
      onFinish={(v) => saving.mutate(v)}
    >
      <Form.Item name="notes" label="讨论记录">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10000} />
      </Form.Item>
      <Space wrap size={[16, 0]} align="start">
        <Form.Item name="consensusScore" label="一致评分（0–100）">
          <InputNumber min={0} max={100} step={0.5} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="recommendation" label="会评建议">
          <Select
            allowClear
            style={{ width: 160 }}
            options={PANEL_RECOMMENDATIONS.map((r) => ({ value: r, label: PANEL_RECOMMENDATION_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item
          name="proposedWan"
          label="建议资助经费（万元）"
          extra={item.limit ? `不超过 ${formatWanDecimal(item.limit.amount)}` : undefined}
        >
          <InputNumber min={0} precision={4} style={{ width: 160 }} disabled={recommendation === 'reject'} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving.isPending}>
          保存记录
        </Button>
        <Typography.Text type="secondary">版本 {item.version}</Typography.Text>
      </Space>
    </Form>
  );
}
