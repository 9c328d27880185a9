import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import { formatMeetingTime } from '../../shared/panels/PanelRecordView.js';
import { expertPanelsQueries } from './panels-api.js';

/** 我主持的会评会议: shown only to an expert who chairs one. */
export function ChairedPanelsCard() {
  const meetings = useQuery(expertPanelsQueries.list()).data;
  if (!meetings || meetings.length === 0) return null;
  return (
    <Card title="我主持的会评会议" data-testid="chaired-panels">
      <List
        dataSource={meetings}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/expert/panels/${m.id}`}>{m.title}</Link>}
              description={`${formatMeetingTime(m.startsAt)}（北京时间） · ${m.place || '线上会议'} · ${m.items} 个项目`}
            />
            {m.signedOffAt ? <Tag color="success">纪要已签署</Tag> : <Tag color="warning">待签署</Tag>}
          </List.Item>
        )}
      />
    </Card>
  );
}
