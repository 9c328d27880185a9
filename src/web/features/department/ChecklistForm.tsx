import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  CHECKLIST_ITEMS,
  checklistSchema,
  type Checklist,
  type ChecklistItem,
  type ChecklistView,
} from '../../../contract/review.js';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { REVIEW_KEY, reviewApi, reviewQueries } from './api.js';

const TITLES = Object.fromEntries(
  CHECKLIST_ITEMS.map((key) => [key, checklistSchema.shape[key].meta()?.title ?? key]),
) as Record<ChecklistItem, string>;

/** The 形式审查 answers as the department edits them, starting from those the server holds. */
export function ChecklistForm({ applicationId, view }: { applicationId: string; view: ChecklistView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Checklist>(view.answers);
  const save = useMutation({
    mutationFn: () => reviewApi.saveChecklist(applicationId, answers),
    onSuccess: (saved) => {
      queryClient.setQueryData(reviewQueries.checklist(applicationId).queryKey, saved);
      void message.success('形式审查意见已保存');
      // Saved answers replace the derived cells of the 汇总表.
      return queryClient.invalidateQueries({ queryKey: [...REVIEW_KEY, 'summary'] });
    },
    onError: (e) => void message.error(describeError(e)),
  });

  const set = (key: ChecklistItem, change: Partial<Checklist[ChecklistItem]>) =>
    setAnswers((a) => ({ ...a, [key]: { ...a[key], ...change } }));

  return (
    <Card
      size="small"
      title="形式审查"
      data-testid="checklist"
      extra={
        view.saved ? (
          <Typography.Text type="secondary">
            {view.savedBy} 保存于 {view.savedAt && beijingTime(view.savedAt)}
          </Typography.Text>
        ) : (
          <Tag>按规则检查结果预填，尚未保存</Tag>
        )
      }
    >
      {view.partnerConfirmation && (
        <Alert
          type="info"
          showIcon
          title={view.partnerConfirmation}
          style={{ marginBottom: 12 }}
          data-testid="partner-mark"
        />
      )}
      <Table<ChecklistItem>
        size="small"
        pagination={false}
        rowKey={(k) => k}
        dataSource={[...CHECKLIST_ITEMS]}
        columns={[
          { title: '审查事项', key: 'title', render: (_, key) => TITLES[key] },
          {
            title: '意见',
            key: 'ok',
            width: 120,
            render: (_, key) => (
              <Radio.Group
                disabled={!view.editable}
                value={answers[key].ok}
                onChange={(e) => set(key, { ok: e.target.value as boolean })}
                options={[
                  { value: true, label: '是' },
                  { value: false, label: '否' },
                ]}
              />
            ),
          },
          {
            title: '说明',
            key: 'note',
            render: (_, key) => (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Input
                  aria-label={`${TITLES[key]}：说明`}
                  disabled={!view.editable}
                  value={answers[key].note}
                  maxLength={500}
                  onChange={(e) => set(key, { note: e.target.value })}
                />
                {(view.derived[key].ok !== answers[key].ok ||
                  view.derived[key].note !== answers[key].note) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    规则检查：{view.derived[key].ok ? '是' : '否'}
                    {view.derived[key].note && `（${view.derived[key].note}）`}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      {view.editable && (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          保存形式审查意见
        </Button>
      )}
    </Card>
  );
}
