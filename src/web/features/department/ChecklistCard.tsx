import { App, Button, Card, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  CHECKLIST_ITEMS,
  checklistSchema,
  type Checklist,
  type ChecklistItem,
  type ChecklistView,
} from '../../../contract/review.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';

const TITLES = Object.fromEntries(
  CHECKLIST_ITEMS.map((key) => [key, checklistSchema.shape[key].meta()?.title ?? key]),
) as Record<ChecklistItem, string>;

/** 形式审查 checklist: the 汇总表's judgement columns, proposed from the rules, answered by the department. */
export function ChecklistCard({ applicationId, refresh }: { applicationId: string; refresh: number }) {
  const { message } = App.useApp();
  const [view, setView] = useState<ChecklistView | null>();
  const [answers, setAnswers] = useState<Checklist>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api<ChecklistView>(`/review/applications/${applicationId}/checklist`).then(
      (v) => {
        setView(v);
        setAnswers(v.answers);
      },
      // No checklist here (an older server, or not this department's): the card stays away.
      (e: unknown) => {
        if (!(e instanceof ApiError && e.status === 404)) void message.error(describeError(e));
        setView(null);
      },
    );
  }, [applicationId, refresh, message]);

  if (!view || !answers) return null;

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api<ChecklistView>(`/review/applications/${applicationId}/checklist`, {
        method: 'PUT',
        body: { answers },
      });
      setView(saved);
      setAnswers(saved.answers);
      void message.success('形式审查意见已保存');
    } catch (e) {
      void message.error(describeError(e));
    } finally {
      setSaving(false);
    }
  };
  const set = (key: ChecklistItem, change: Partial<Checklist[ChecklistItem]>) =>
    setAnswers((a) => a && { ...a, [key]: { ...a[key], ...change } });

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
        <Button type="primary" style={{ marginTop: 12 }} loading={saving} onClick={() => void save()}>
          保存形式审查意见
        </Button>
      )}
    </Card>
  );
}
