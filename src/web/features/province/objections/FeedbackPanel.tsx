import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FeedbackCandidateView } from '../../../../contract/feedback.js';
import { PageState } from '../../../shared/PageState.js';
import { useWrite } from '../useWrite.js';
import { objectionKeys, objectionQueries, objectionsApi } from './api.js';

// 评审意见反馈: off unless the province chooses it for the call (三、2 未立项项目不再另行通知); then, per project of
// the published 公示, chosen 函评 comments (never who wrote them) and/or a 会评 summary.

export function FeedbackPanel({ callId }: { callId: string }) {
  const overview = useQuery(objectionQueries.feedback(callId));
  const write = useWrite(objectionKeys.feedback(callId), '设置未保存');
  return (
    <PageState query={overview}>
      {(data) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <Space wrap>
              <Switch
                aria-label="向申报人反馈评审意见"
                checked={data.enabled}
                loading={write.isPending}
                onChange={(enabled) => write.mutate(() => objectionsApi.setFeedback(callId, enabled))}
              />
              <Typography.Text>向申报人反馈评审意见</Typography.Text>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              申报通知三、2：未立项项目不再另行通知。开启后，可在立项决定随公示发布后，逐项选择反馈的专家意见（不显示专家姓名和单位）或会评意见；反馈后申报单位和项目负责人收到通知。
            </Typography.Paragraph>
          </Card>
          {data.enabled &&
            (data.candidates.length === 0 ? (
              <Alert type="info" showIcon title="本计划尚无随公示发布的立项决定" />
            ) : (
              data.candidates.map((c) => <Candidate key={c.applicationId} callId={callId} candidate={c} />)
            ))}
        </Space>
      )}
    </PageState>
  );
}

function Candidate({ callId, candidate }: { callId: string; candidate: FeedbackCandidateView }) {
  const write = useWrite(objectionKeys.feedback(callId), '评审意见未反馈');
  const [chosen, setChosen] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const unreleased = candidate.comments.filter((c) => c.releasedAs === null);
  return (
    <Card
      size="small"
      data-testid="feedback-candidate"
      title={`${candidate.acceptanceNo ?? ''} ${candidate.title}`}
      extra={
        <Tag color={candidate.outcome === 'approved' ? 'green' : 'default'}>{candidate.outcomeLabel}</Tag>
      }
    >
      <Typography.Text type="secondary">{candidate.organizationName}</Typography.Text>
      {candidate.released.length > 0 && (
        <List
          size="small"
          header="已反馈"
          dataSource={candidate.released}
          renderItem={(o) => (
            <List.Item>
              <div>
                <Typography.Text strong>{o.label}：</Typography.Text>
                {o.text}
              </div>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        函评意见（选择要反馈的条目）
      </Typography.Title>
      {unreleased.length === 0 ? (
        <Typography.Text type="secondary">没有尚未反馈的函评意见</Typography.Text>
      ) : (
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v)} style={{ display: 'block' }}>
          {unreleased.map((c, i) => (
            <div key={c.assignmentId} style={{ marginBottom: 8 }}>
              <Checkbox value={c.assignmentId} aria-label={`反馈第 ${i + 1} 条函评意见`}>
                {c.text}
              </Checkbox>
            </div>
          ))}
        </Checkbox.Group>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        会评意见（可选）
      </Typography.Title>
      <Input.TextArea
        aria-label="会评意见"
        rows={2}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={chosen.length === 0 && !summary.trim()}
        loading={write.isPending}
        onClick={() =>
          write.mutate(async () => {
            await objectionsApi.release(candidate.applicationId, {
              assignmentIds: chosen,
              ...(summary.trim() ? { panelSummary: summary.trim() } : {}),
            });
            setChosen([]);
            setSummary('');
          })
        }
      >
        反馈给申报人
      </Button>
    </Card>
  );
}
