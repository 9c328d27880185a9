import { Alert, Card, Empty, List, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatChineseDate } from '../../../core/time.js';
import { formatWan } from '../../../core/money.js';
import type { PublicAnnouncementDetail, PublicAnnouncementList } from '../../../contract/public.js';
import { api, describeError } from '../../shared/api.js';
import { PublicFrame } from './PublicFrame.js';

// 拟立项项目公示: public pages, no sign-in.

type Entry = PublicAnnouncementDetail['entries'][number];

const period = (a: { startsOn: string; endsOn: string }) =>
  `公示期：${formatChineseDate(a.startsOn)}至${formatChineseDate(a.endsOn)}`;

function usePublic<T>(path: string) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<T>(path).then(setData, (e: unknown) => setError(describeError(e)));
  }, [path]);
  return { data, error };
}

export function AnnouncementsPage() {
  const { data, error } = usePublic<PublicAnnouncementList>('/public/announcements');
  return (
    <PublicFrame width={880}>
      <Card title="拟立项项目公示">
        {error && <Alert type="error" showIcon title={error} />}
        {!data && !error && <Spin />}
        {data && data.announcements.length === 0 && <Empty description="暂无公示" />}
        {data && data.announcements.length > 0 && (
          <List
            data-testid="public-announcements"
            dataSource={data.announcements}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/public/announcements/${a.id}`}>{a.title}</Link>}
                  description={`${period(a)} · ${a.entryCount} 个项目`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </PublicFrame>
  );
}

export function AnnouncementPage() {
  const { id } = useParams();
  const { data, error } = usePublic<PublicAnnouncementDetail>(`/public/announcements/${id}`);
  return (
    <PublicFrame width={1100}>
      <Card
        title={data?.announcement.title ?? '拟立项项目公示'}
        extra={<Link to="/public/announcements">全部公示</Link>}
      >
        {error && <Alert type="error" showIcon title={error} />}
        {!data && !error && <Spin />}
        {data && (
          <>
            <Typography.Paragraph data-testid="announcement-period">
              <Typography.Text strong>{period(data.announcement)}</Typography.Text>
              。公示期内，对公示项目如有异议，请以书面形式向省科技厅反映。
            </Typography.Paragraph>
            <Table<Entry>
              data-testid="announcement-entries"
              rowKey="acceptanceNo"
              dataSource={data.entries}
              pagination={false}
              columns={[
                { title: '序号', width: 60, render: (_, __, i) => i + 1 },
                { title: '受理编号', dataIndex: 'acceptanceNo', width: 170 },
                { title: '项目名称', dataIndex: 'title' },
                { title: '承担单位', dataIndex: 'organizationName', width: 200 },
                { title: '项目负责人', dataIndex: 'piName', width: 100 },
                { title: '专题', dataIndex: 'topicLabel', width: 80 },
                { title: '合作国别（地区）', width: 120, render: (_, e) => e.partnerCountryName ?? '—' },
                { title: '省资助经费', width: 110, render: (_, e) => formatWan(e.funding) },
              ]}
            />
          </>
        )}
      </Card>
    </PublicFrame>
  );
}
