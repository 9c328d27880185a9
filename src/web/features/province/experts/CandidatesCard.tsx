import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingCloseIn, fromBeijingPicker } from '../../../shared/format.js';
import {
  type CandidateView,
  type ConflictView,
  EXPERTS_KEY,
  expertsApi,
  type ReviewedDetail,
} from './api.js';
import { OverrideModal } from './OverrideModal.js';
import { DuePicker } from './DuePicker.js';
import { RoundSelect } from './RoundSelect.js';

interface Assignment {
  candidate: CandidateView;
  overrideReason?: string;
}

/** The pool to pick from, conflicts shown; a conflicted expert is assigned only with a reason. */
export function CandidatesCard({ detail }: { detail: ReviewedDetail }) {
  const { application, candidates } = detail;
  const queryClient = useQueryClient();
  const [dueAt, setDueAt] = useState<Dayjs>(() => beijingCloseIn(7));
  const [roundId, setRoundId] = useState<string>();
  const [override, setOverride] = useState<{ candidate: CandidateView; conflicts: ConflictView[] }>();
  const assigning = useMutation({
    mutationFn: ({ candidate, overrideReason }: Assignment) =>
      expertsApi.assign(application.id, {
        roundId: roundId ?? '',
        expertId: candidate.expert.id,
        dueAt: fromBeijingPicker(dueAt),
        overrideReason,
      }),
    onSuccess: () => {
      setOverride(undefined);
      return queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
    },
    onError: (e, { candidate }) => {
      const conflicts =
        (e instanceof ApiError && (e.body as { conflicts?: ConflictView[] }).conflicts) || undefined;
      if (conflicts) setOverride({ candidate, conflicts });
      else Modal.error({ title: '未能分配', content: describeError(e) });
    },
  });
  const assign = (candidate: CandidateView) => assigning.mutate({ candidate });

  return (
    <>
      <Card
        title="分配专家"
        extra={
          <Space wrap>
            <RoundSelect callId={application.callId} value={roundId} onChange={setRoundId} />
            评审截止时间（北京时间）
            <DuePicker allowClear={false} value={dueAt} onChange={(d) => d && setDueAt(d)} />
          </Space>
        }
      >
        <Table<CandidateView>
          data-testid="candidates"
          rowKey={(c) => c.expert.id}
          dataSource={candidates.filter((c) => !c.assigned && c.expert.active)}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '专家', key: 'name', render: (_, c) => `${c.expert.name} ${c.expert.title}` },
            { title: '所在单位', key: 'org', render: (_, c) => c.expert.organizationName },
            {
              title: '学科/领域',
              key: 'fields',
              render: (_, c) => (
                <>
                  {c.expert.fields.map((f) => (
                    <Tag key={f} color={c.fieldMatch ? 'blue' : undefined}>
                      {f}
                    </Tag>
                  ))}
                  {!c.fieldMatch && <Typography.Text type="secondary">领域不匹配</Typography.Text>}
                </>
              ),
            },
            { title: '未提交任务', key: 'pending', render: (_, c) => c.expert.pending },
            {
              title: '利益冲突',
              key: 'conflicts',
              render: (_, c) =>
                c.conflicts.length === 0 ? (
                  <Tag color="success">无</Tag>
                ) : (
                  c.conflicts.map((x) => (
                    <Alert
                      key={x.message}
                      type="warning"
                      showIcon
                      title={x.message}
                      style={{ marginBottom: 4 }}
                    />
                  ))
                ),
            },
            {
              title: '操作',
              key: 'assign',
              render: (_, c) => (
                <Button
                  size="small"
                  type={c.conflicts.length ? 'default' : 'primary'}
                  onClick={() => assign(c)}
                >
                  分配
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {override && (
        <OverrideModal
          name={override.candidate.expert.name}
          conflicts={override.conflicts}
          onCancel={() => setOverride(undefined)}
          onConfirm={(overrideReason) => assigning.mutate({ candidate: override.candidate, overrideReason })}
        />
      )}
    </>
  );
}
