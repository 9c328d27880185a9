import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { useWrite } from '../useWrite.js';
import { type AnnouncementView, DECISIONS_KEY, decisionsApi, decisionsQueries } from './api.js';
import { NewAnnouncementModal } from './NewAnnouncementModal.js';
import { AnnouncementNotice } from '../../public/AnnouncementsPage.js';

/** The public page of the draft as it would read if published now: the same component the public sees. */
function PreviewModal({ announcement, onClose }: { announcement: AnnouncementView; onClose: () => void }) {
  const preview = useQuery(decisionsQueries.announcementPreview(announcement.id));
  return (
    <Modal open width={1100} title={`预览：${announcement.title}`} footer={null} onCancel={onClose}>
      <div data-testid="announcement-preview">
        <PageState query={preview}>{(data) => <AnnouncementNotice data={data} />}</PageState>
      </div>
    </Modal>
  );
}

/** 拟立项项目公示: the drafts and the publications of the call. */
export function AnnouncementsTable({ callId }: { callId: string }) {
  const announcements = useQuery(decisionsQueries.announcements(callId));
  const write = useWrite(DECISIONS_KEY);
  const [creating, setCreating] = useState(false);
  const [previewing, setPreviewing] = useState<AnnouncementView>();

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建公示草稿
        </Button>
        <Link to="/public/announcements" target="_blank">
          查看公开页面
        </Link>
      </Space>
      {creating && <NewAnnouncementModal callId={callId} onClose={() => setCreating(false)} />}
      {previewing && <PreviewModal announcement={previewing} onClose={() => setPreviewing(undefined)} />}
      <PageState query={announcements}>
        {(items) => (
          <Table<AnnouncementView>
            data-testid="announcements-table"
            rowKey="id"
            dataSource={items}
            pagination={false}
            columns={[
              { title: '标题', dataIndex: 'title' },
              { title: '项目数', dataIndex: 'entryCount', width: 80 },
              {
                title: '公示期',
                width: 240,
                render: (_, a) => (a.startsOn ? `${a.startsOn} 至 ${a.endsOn}` : '发布之日起 5 个工作日'),
              },
              {
                title: '状态',
                width: 200,
                render: (_, a) =>
                  a.publishedAt ? (
                    <Link to={`/public/announcements/${a.id}`} target="_blank">
                      <Tag color="success">已发布 {beijingTime(a.publishedAt)}</Tag>
                    </Link>
                  ) : (
                    <Tag>草稿</Tag>
                  ),
              },
              {
                title: '操作',
                width: 220,
                render: (_, a) =>
                  a.publishedAt ? null : (
                    <Space>
                      <Button size="small" onClick={() => setPreviewing(a)}>
                        预览
                      </Button>
                      <Popconfirm
                        title="发布后名单和公示期固定，本计划已作出的立项决定全部锁定。确定发布？"
                        onConfirm={() => write.mutate(() => decisionsApi.publish(a.id))}
                      >
                        <Button size="small" type="primary" disabled={a.entryCount === 0}>
                          发布
                        </Button>
                      </Popconfirm>
                      <Button
                        size="small"
                        danger
                        onClick={() => write.mutate(() => decisionsApi.removeAnnouncement(a.id))}
                      >
                        删除
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </PageState>
    </>
  );
}
