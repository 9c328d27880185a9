import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  INVITATION_STATUS_LABELS,
  type InvitationStatus,
  ROUND_KIND_LABELS,
  ROUND_KINDS,
  type RoundKind,
} from '../../../../core/experts/rounds.js';
import { ApiError } from '../../../shared/api.js';
import { beijingTime, fromBeijingPicker } from '../../../shared/format.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { PageState } from '../../../shared/PageState.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import {
  EXPERTS_KEY,
  expertsApi,
  expertsQueries,
  type ProvinceInvitationView,
  type RoundView,
} from './api.js';
import { DuePicker } from './DuePicker.js';

const STATUS_COLORS: Record<InvitationStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  declined: 'warning',
  expired: 'error',
};

export function InvitationStatusTag({ status }: { status: InvitationStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{INVITATION_STATUS_LABELS[status]}</Tag>;
}

/** 评审轮次: per call, the rounds (函评, 专家论证), each with its invitations and their answers. */
export function RoundsTab() {
  const { query: calls, callId, select } = useReviewCall();
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
          <Button
            type="primary"
            disabled={!callId}
            onClick={() => setCreating(true)}
            data-testid="create-round"
          >
            新建评审轮次
          </Button>
        </Space>
      </Card>
      <PageState query={calls}>{() => callId && <RoundsTable callId={callId} />}</PageState>
      {creating && callId && <CreateRoundModal callId={callId} onClose={() => setCreating(false)} />}
    </Space>
  );
}

function RoundsTable({ callId }: { callId: string }) {
  const rounds = useQuery(expertsQueries.rounds(callId));
  const [inviting, setInviting] = useState<RoundView>();
  return (
    <PageState query={rounds}>
      {(list) => (
        <>
          <Table<RoundView>
            data-testid="rounds"
            rowKey="id"
            dataSource={list}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '本计划还没有评审轮次' }}
            expandable={{ expandedRowRender: (r) => <RoundInvitations roundId={r.id} /> }}
            columns={[
              { title: '轮次', key: 'name', render: (_, r) => r.name },
              { title: '评审方式', key: 'kind', render: (_, r) => ROUND_KIND_LABELS[r.kind] },
              {
                title: '邀请答复截止（北京时间）',
                key: 'respondBy',
                render: (_, r) => beijingTime(r.respondBy),
              },
              { title: '评分截止（北京时间）', key: 'dueAt', render: (_, r) => beijingTime(r.dueAt) },
              {
                title: '邀请答复',
                key: 'counts',
                render: (_, r) => (
                  <Space wrap size={4}>
                    {(Object.keys(r.invitations) as InvitationStatus[]).map((s) => (
                      <Tag key={s} color={STATUS_COLORS[s]}>
                        {INVITATION_STATUS_LABELS[s]} {r.invitations[s]}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: '操作',
                key: 'invite',
                render: (_, r) => (
                  <Button size="small" onClick={() => setInviting(r)} data-testid="invite-experts">
                    邀请专家
                  </Button>
                ),
              },
            ]}
          />
          {inviting && <InviteModal round={inviting} onClose={() => setInviting(undefined)} />}
        </>
      )}
    </PageState>
  );
}

function RoundInvitations({ roundId }: { roundId: string }) {
  const round = useQuery(expertsQueries.round(roundId));
  return (
    <PageState query={round}>
      {({ invitations }) => (
        <Table<ProvinceInvitationView>
          data-testid="round-invitations"
          rowKey="id"
          size="small"
          dataSource={invitations}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚未邀请专家' }}
          columns={[
            {
              title: '专家',
              key: 'expert',
              render: (_, i) => `${i.expert.name}（${i.expert.organizationName}）`,
            },
            { title: '状态', key: 'status', render: (_, i) => <InvitationStatusTag status={i.status} /> },
            { title: '答复截止', key: 'respondBy', render: (_, i) => beijingTime(i.respondBy) },
            {
              title: '答复时间',
              key: 'respondedAt',
              render: (_, i) => (i.respondedAt ? beijingTime(i.respondedAt) : '—'),
            },
            { title: '评审任务', key: 'assignments', render: (_, i) => i.assignments },
            {
              title: '理由 / 利益冲突',
              key: 'reasons',
              render: (_, i) => (
                <Space orientation="vertical" size={0}>
                  {i.declineReason && <span>谢绝理由：{i.declineReason}</span>}
                  {i.declaredConflicts.map((c) => (
                    <span key={c.applicationId}>声明冲突：{c.reason}</span>
                  ))}
                  {!i.declineReason && i.declaredConflicts.length === 0 && '—'}
                </Space>
              ),
            },
          ]}
        />
      )}
    </PageState>
  );
}

interface RoundValues {
  kind: RoundKind;
  name: string;
  respondBy?: Dayjs | null;
  dueAt: Dayjs;
}

function CreateRoundModal({ callId, onClose }: { callId: string; onClose(): void }) {
  const [form] = Form.useForm<RoundValues>();
  const queryClient = useQueryClient();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await expertsApi.createRound({
        callId,
        kind: v.kind,
        name: v.name,
        respondBy: v.respondBy ? fromBeijingPicker(v.respondBy) : undefined,
        dueAt: fromBeijingPicker(v.dueAt),
      });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
  };
  return (
    <SaveModal title="新建评审轮次" okText="新建" save={save} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'letter', name: '函评' }}>
        <Form.Item name="kind" label="评审方式" rules={[{ required: true, message: '请选择评审方式' }]}>
          <Select options={ROUND_KINDS.map((k) => ({ value: k, label: ROUND_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label="轮次名称"
          rules={[{ required: true, whitespace: true, message: '请填写轮次名称' }]}
        >
          <Input maxLength={100} data-testid="round-name" />
        </Form.Item>
        <Form.Item
          name="respondBy"
          label="邀请答复截止时间（北京时间）"
          extra="不填则按本计划配置，自邀请之日起计算"
        >
          <DuePicker />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label="评分截止时间（北京时间）"
          extra="须晚于邀请答复截止时间，如 YYYY-MM-DD HH:mm"
          rules={[{ required: true, message: '请选择或输入评分截止时间（YYYY-MM-DD HH:mm）' }]}
        >
          <DuePicker />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

function InviteModal({ round, onClose }: { round: RoundView; onClose(): void }) {
  const [form] = Form.useForm<{ expertIds: string[] }>();
  const pool = useQuery(expertsQueries.pool());
  const queryClient = useQueryClient();
  const save = async () => {
    const { expertIds } = await form.validateFields();
    try {
      await expertsApi.invite(round.id, { expertIds });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
  };
  return (
    <SaveModal title={`邀请专家：${round.name}`} okText="发出邀请" save={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        专家在答复截止时间前接受（签署保密承诺并声明利益冲突）或谢绝；分配评审任务时尚未邀请的专家也会自动收到邀请。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="expertIds" label="专家" rules={[{ required: true, message: '请至少选择一位专家' }]}>
          <Select
            mode="multiple"
            loading={pool.isPending}
            optionFilterProp="label"
            options={(pool.data ?? [])
              .filter((e) => e.active)
              .map((e) => ({ value: e.id, label: `${e.name}（${e.organizationName}）` }))}
          />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
