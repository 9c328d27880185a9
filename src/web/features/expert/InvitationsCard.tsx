import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  INVITATION_STATUS_LABELS,
  type InvitationStatus,
  ROUND_KIND_LABELS,
} from '../../../core/experts/rounds.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { AcceptInvitationModal, DeclineInvitationModal } from './InvitationModals.js';
import { expertQueries, type MyInvitationView } from './api.js';

const STATUS_COLORS: Record<InvitationStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  declined: 'warning',
  expired: 'error',
};

/**
 * 评审邀请: pending ones first with their answer deadline, each with the applications proposed (title, applicant,
 * topic); accept (保密承诺 and a conflict declaration per application) or decline with a reason.
 */
export function InvitationsCard() {
  const invitations = useQuery(expertQueries.invitations());
  const [accepting, setAccepting] = useState<MyInvitationView>();
  const [declining, setDeclining] = useState<MyInvitationView>();
  return (
    <Card title="评审邀请" data-testid="invitations">
      <PageState query={invitations}>
        {(list) => (
          <List<MyInvitationView>
            dataSource={list}
            locale={{ emptyText: '暂无评审邀请' }}
            renderItem={(i) => (
              <List.Item key={i.id} data-testid="invitation">
                <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>
                      {i.callName} · {i.round.name}（{ROUND_KIND_LABELS[i.round.kind]}）
                    </Typography.Text>
                    <Tag color={STATUS_COLORS[i.status]}>{INVITATION_STATUS_LABELS[i.status]}</Tag>
                  </Space>
                  <Typography.Text type={i.answerable ? 'warning' : 'secondary'}>
                    请于 {beijingTime(i.respondBy)}（北京时间）前答复 · 评分截止 {beijingTime(i.round.dueAt)}
                  </Typography.Text>
                  {i.applications.length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {i.applications.map((a) => (
                        <li key={a.applicationId} style={{ wordBreak: 'break-all' }}>
                          {a.title || '（未填写项目名称）'} —— {a.applicant}（{TOPIC_LABELS[a.topic]}）
                        </li>
                      ))}
                    </ul>
                  )}
                  {i.declineReason && <Typography.Text>谢绝理由：{i.declineReason}</Typography.Text>}
                  {i.answerable && (
                    <Space wrap>
                      <Button type="primary" onClick={() => setAccepting(i)} data-testid="accept-invitation">
                        接受邀请
                      </Button>
                      <Button onClick={() => setDeclining(i)} data-testid="decline-invitation">
                        谢绝
                      </Button>
                    </Space>
                  )}
                  {i.status === 'accepted' && <Link to="/expert">前往我的评审任务评分</Link>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </PageState>
      {accepting && <AcceptInvitationModal invitation={accepting} onClose={() => setAccepting(undefined)} />}
      {declining && <DeclineInvitationModal invitation={declining} onClose={() => setDeclining(undefined)} />}
    </Card>
  );
}
