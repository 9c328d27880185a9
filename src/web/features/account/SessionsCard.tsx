import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Popconfirm, Tag, Typography } from 'antd';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { accountApi, sessionsQuery } from './api.js';

/** Where one is signed in, this device marked, and a way to sign out everywhere else. */
export function SessionsCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery);
  const signOut = useMutation({
    mutationFn: accountApi.signOutOthers,
    onSuccess: ({ ended }) => {
      void message.success(ended > 0 ? `已退出其他 ${ended} 处登录` : '没有其他设备上的登录');
      return queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
    },
    onError: (e) => void message.error(describeError(e)),
  });
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <Card
      title="登录设备"
      extra={
        <Popconfirm
          title="退出其他设备上的登录？"
          description="其他设备需要重新登录；本设备不受影响。"
          okText="退出其他设备"
          cancelText="取消"
          onConfirm={() => signOut.mutate()}
          disabled={others === 0}
        >
          <Button danger size="small" disabled={others === 0} loading={signOut.isPending}>
            退出其他设备
          </Button>
        </Popconfirm>
      }
    >
      <PageState query={sessions}>
        {(list) => (
          <List
            data-testid="sessions"
            dataSource={list}
            renderItem={(s) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {s.device} {s.current && <Tag color="green">本设备</Tag>}
                    </>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      登录于 {beijingTime(s.createdAt)} · 最近活动 {beijingTime(s.lastSeenAt)}
                      {s.ip && ` · IP ${s.ip}`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </PageState>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        如发现不认识的设备，请先修改密码（修改后其他设备上的登录会全部退出）。
      </Typography.Paragraph>
    </Card>
  );
}
