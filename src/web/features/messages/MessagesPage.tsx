import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Checkbox, Collapse, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EMAIL_STATE_LABELS, type NotificationPreferenceView } from '../../../contract/notifications.js';
import { ApiError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { MESSAGES_PAGE_SIZE, messagesApi, messagesQueries, type MessageView } from './api.js';

/** 我的消息: what the platform told this user, newest first; opening one marks it read. Then the e-mail choices. */
export function MessagesPage() {
  const [page, setPage] = useState(1);
  const queryClient = useQueryClient();
  const messages = useQuery(messagesQueries.page(page));
  const markRead = useMutation({
    mutationFn: messagesApi.markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesQueries.all }),
  });
  const open = (m: MessageView) => {
    if (!m.readAt && !markRead.isPending) markRead.mutate(m.id);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        我的消息
      </Typography.Title>
      <Card
        title={
          messages.data?.unread ? (
            <Typography.Text type="danger">{messages.data.unread} 条未读</Typography.Text>
          ) : (
            '消息'
          )
        }
      >
        <PageState query={messages}>
          {(data) => (
            <List
              data-testid="messages"
              dataSource={data.messages}
              locale={{ emptyText: '暂无消息' }}
              pagination={
                data.total > MESSAGES_PAGE_SIZE
                  ? {
                      current: page,
                      pageSize: MESSAGES_PAGE_SIZE,
                      total: data.total,
                      onChange: setPage,
                      showSizeChanger: false,
                      size: 'small',
                    }
                  : false
              }
              renderItem={(m) => (
                <List.Item style={{ display: 'block' }}>
                  <Collapse
                    ghost
                    size="small"
                    onChange={(keys) => keys.length > 0 && open(m)}
                    items={[
                      {
                        key: m.id,
                        label: (
                          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                            <Typography.Text strong={!m.readAt} style={{ wordBreak: 'break-word' }}>
                              {m.readAt ? null : <Badge status="processing" />} {m.subject}
                            </Typography.Text>
                            <Space size={4} wrap>
                              <Tag>{m.kindLabel}</Tag>
                              <Typography.Text type="secondary">{beijingTime(m.createdAt)}</Typography.Text>
                              <Typography.Text type="secondary">
                                {EMAIL_STATE_LABELS[m.email]}
                              </Typography.Text>
                            </Space>
                          </Space>
                        ),
                        children: (
                          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                            {m.body}
                          </Typography.Paragraph>
                        ),
                      },
                    ]}
                  />
                </List.Item>
              )}
            />
          )}
        </PageState>
      </Card>
      <PreferencesCard />
    </Space>
  );
}

/** Which messages also come by e-mail: the mandatory ones always do, and are shown checked and locked. */
function PreferencesCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preferences = useQuery(messagesQueries.preferences());
  const [changes, setChanges] = useState<Record<string, boolean>>({});
  const save = useMutation({
    mutationFn: messagesApi.savePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(messagesQueries.preferences().queryKey, saved);
      setChanges({});
      void message.success('已保存邮件接收设置');
    },
    onError: (error) => void message.error(error instanceof ApiError ? error.message : '保存失败，请重试'),
  });
  const chosen = (p: NotificationPreferenceView) => changes[p.kind] ?? p.email;

  return (
    <Card title="邮件接收设置">
      <PageState query={preferences}>
        {(list) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              所有消息都会显示在本页。勾选的类型同时发送到您账号登记的电子邮箱；含截止时间或您申请的链接的消息必须发送。
            </Typography.Text>
            {list.map((p) => (
              <Checkbox
                key={p.kind}
                checked={chosen(p)}
                disabled={p.mandatory}
                onChange={(e) => setChanges((c) => ({ ...c, [p.kind]: e.target.checked }))}
              >
                {p.label}
                {p.mandatory ? <Typography.Text type="secondary">（必发）</Typography.Text> : null}
              </Checkbox>
            ))}
            <Button
              type="primary"
              disabled={Object.keys(changes).length === 0}
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  preferences: Object.entries(changes).map(([kind, email]) => ({
                    kind: kind as NotificationPreferenceView['kind'],
                    email,
                  })),
                })
              }
            >
              保存
            </Button>
          </Space>
        )}
      </PageState>
    </Card>
  );
}
