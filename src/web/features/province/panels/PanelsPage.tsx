import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUser } from '../../../app/session.js';
import { PageState } from '../../../shared/PageState.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { CreatePanelModal } from './CreatePanelModal.js';
import { panelsQueries, type PanelSummaryView } from './api.js';
import { formatMeetingTime } from '../../../shared/panels/PanelRecordView.js';

/** 会评会议: the call's meetings, latest first, and a new one (项目管理中心). */
export function PanelsPage() {
  const { query, calls, callId, select } = useReviewCall();
  const [creating, setCreating] = useState(false);
  const user = useUser();
  const center = user.duties.includes('admin') || user.duties.includes('center');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        会评会议
      </Typography.Title>
      <Card>
        <Space wrap>
          <CallSelect calls={calls} value={callId} onChange={select} />
          {center && callId && (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建会评会议
            </Button>
          )}
        </Space>
      </Card>
      <PageState query={query}>{() => callId && <MeetingsTable callId={callId} />}</PageState>
      {creating && callId && <CreatePanelModal callId={callId} onClose={() => setCreating(false)} />}
    </Space>
  );
}

function MeetingsTable({ callId }: { callId: string }) {
  const meetings = useQuery(panelsQueries.list(callId));
  return (
    <PageState query={meetings} isEmpty={(m) => m.length === 0} empty="本计划尚无会评会议">
      {(rows) => (
        <Table<PanelSummaryView>
          data-testid="panels-table"
          rowKey="id"
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: '会议',
              render: (_, m) => <Link to={`/province/panels/${m.id}`}>{m.title}</Link>,
            },
            { title: '时间（北京时间）', width: 170, render: (_, m) => formatMeetingTime(m.startsAt) },
            { title: '地点', render: (_, m) => m.place || (m.onlineLink ? '线上会议' : '—') },
            { title: '主持人', width: 100, dataIndex: 'chairName' },
            { title: '专家 / 项目', width: 110, render: (_, m) => `${m.members} 位 / ${m.items} 项` },
            {
              title: '纪要',
              width: 100,
              render: (_, m) => (m.signedOffAt ? <Tag color="success">已签署</Tag> : <Tag>未签署</Tag>),
            },
          ]}
        />
      )}
    </PageState>
  );
}
