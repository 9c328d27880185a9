import { Space, Typography } from 'antd';
import { InvitationsCard } from './InvitationsCard.js';

/** 评审邀请: the expert's invitations to review rounds, pending first. */
export function InvitationsPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        评审邀请
      </Typography.Title>
      <InvitationsCard />
    </Space>
  );
}
