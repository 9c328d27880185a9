import { queryOptions, useQuery } from '@tanstack/react-query';
import { Card, List, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatChineseDate } from '../../../core/time.js';
import { formatWan } from '../../../core/money.js';
import type { PublicAnnouncementDetail, PublicAnnouncementList } from '../../../contract/public.js';
import { api } from '../../shared/api.js';
import { PageState } from '../../shared/PageState.js';
import { ObjectionForm } from './ObjectionForm.js';
import { PublicFrame } from './PublicFrame.js';

// 拟立项项目公示: public pages, no sign-in.

type Entry = PublicAnnouncementDetail['entries'][number];

const period = (a: { startsOn: string; endsOn: string }) =>
  `公示期：${formatChineseDate(a.startsOn)}至${formatChineseDate(a.endsOn)}`;

const announcementsQuery = queryOptions({
  queryKey: ['public', 'announcements'],
  queryFn: ({ signal }) => api<PublicAnnouncementList>('/public/announcements', { signal }),
});

const announcementQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'announcements', id],
    queryFn: ({ signal }) => api<PublicAnnouncementDetail>(`/public/announcements/${id}`, { signal }),
  });

export function AnnouncementsPage() {
  const announcements = useQuery(announcementsQuery);
  return (
    <PublicFrame width={880}>
      <Card title="拟立项项目公示">
        <PageState query={announcements} isEmpty={(data) => data.announcements.length === 0} empty="暂无公示">
          {(data) => (
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
        </PageState>
      </Card>
    </PublicFrame>
  );
}

export function AnnouncementPage() {
  const { id = '' } = useParams();
  const announcement = useQuery(announcementQuery(id));
  return (
    <PublicFrame width={1100}>
      <Card
        title={announcement.data?.announcement.title ?? '拟立项项目公示'}
        extra={<Link to="/public/announcements">全部公示</Link>}
      >
        <PageState query={announcement}>
          {(data) => (
            <>
              <AnnouncementNotice data={data} />
              <ObjectionForm announcementId={id} data={data} />
            </>
          )}
        </PageState>
      </Card>
    </PublicFrame>
  );
}

const joined = (items: readonly string[]) => items.join('、');

/** One 公示 as the public reads it; the province previews a draft through the same component. */
export function AnnouncementNotice({ data }: { data: PublicAnnouncementDetail }) {
  const noAddress = data.contacts.filter((c) => c.address === null).map((c) => c.unit);
  const revoked = new Set(data.revokedAcceptanceNos);
  return (
    <>
      <Typography.Paragraph data-testid="announcement-period">
        <Typography.Text strong>{period(data.announcement)}</Typography.Text>
        。公示期内，对公示项目如有异议，可在本页下方实名在线提出（须填写真实姓名和联系方式，不受理匿名异议），
        也可向下列单位书面反映。
        <Typography.Text strong data-testid="objection-deadline">
          异议截止日期：{formatChineseDate(data.announcement.endsOn)}
        </Typography.Text>
        。
      </Typography.Paragraph>
      {data.contacts.length > 0 && (
        <Typography.Paragraph data-testid="announcement-contacts">
          联系方式（据申报通知）：
          <ul>
            {data.contacts.map((c) => (
              <li key={c.unit}>
                {c.unit}：{joined(c.people)}，电话 {joined(c.phones)}
                {c.address && `，地址 ${c.address}`}（{c.source}）
              </li>
            ))}
          </ul>
          {noAddress.length > 0 && `申报通知未载明${joined(noAddress)}的通信地址。`}
        </Typography.Paragraph>
      )}
      {revoked.size > 0 && (
        <Typography.Paragraph type="danger" data-testid="revoked-note">
          标注“已撤销”的项目：公示期间收到的异议经调查成立，拟立项已撤销。公示名单保持发布时的原样。
        </Typography.Paragraph>
      )}
      <Table<Entry>
        data-testid="announcement-entries"
        rowKey="acceptanceNo"
        dataSource={data.entries}
        pagination={false}
        columns={[
          { title: '序号', width: 60, render: (_, __, i) => i + 1 },
          { title: '受理编号', dataIndex: 'acceptanceNo', width: 170 },
          {
            title: '项目名称',
            render: (_, e) => (
              <>
                {e.title}
                {revoked.has(e.acceptanceNo) && (
                  <Tag color="red" style={{ marginLeft: 8 }} data-testid="entry-revoked">
                    已撤销
                  </Tag>
                )}
              </>
            ),
          },
          { title: '承担单位', dataIndex: 'organizationName', width: 200 },
          { title: '项目负责人', dataIndex: 'piName', width: 100 },
          { title: '专题', dataIndex: 'topicLabel', width: 80 },
          { title: '合作国别（地区）', width: 120, render: (_, e) => e.partnerCountryName ?? '—' },
          { title: '省资助经费', width: 110, render: (_, e) => formatWan(e.funding) },
        ]}
      />
    </>
  );
}
