import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Typography } from 'antd';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { expertApi, expertQueries } from './api.js';

/** The expert's notifications (due reminders), the unread ones first to the eye. */
export function NotificationsCard() {
  const queryClient = useQueryClient();
  const notifications = useQuery(expertQueries.notifications());
  const markRead = useMutation({
    mutationFn: expertApi.markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expertQueries.notifications().queryKey }),
  });
  const unread = notifications.data?.filter((n) => !n.readAt).length ?? 0;

  return (
    <Card
      title={
        <Badge count={unread} offset={[12, 0]}>
          通知
        </Badge>
      }
    >
      <PageState query={notifications}>
        {(list) => (
          <List
            data-testid="notifications"
            dataSource={list}
            locale={{ emptyText: '暂无通知' }}
            renderItem={(n) => (
              <List.Item
                actions={
                  n.readAt
                    ? []
                    : [
                        <Button
                          key="read"
                          size="small"
                          loading={markRead.isPending && markRead.variables === n.id}
                          onClick={() => markRead.mutate(n.id)}
                        >
                          标为已读
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={n.readAt ? n.text : <Typography.Text strong>{n.text}</Typography.Text>}
                  description={beijingTime(n.createdAt)}
                />
              </List.Item>
            )}
          />
        )}
      </PageState>
    </Card>
  );
}
