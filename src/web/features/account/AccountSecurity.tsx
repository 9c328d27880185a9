import { App, Card, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { sessionsQuery } from './api.js';
import { SessionsCard } from './SessionsCard.js';

/** 账号与安全: changing one's password and one's sessions; other settings sit beside it on the account page. */
export function AccountSecurity() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="修改密码">
        <ChangePasswordForm
          submitText="修改密码"
          onChanged={() => {
            void message.success('密码已修改，其他设备上的登录已全部退出');
            void queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
          }}
        />
      </Card>
      <SessionsCard />
    </Space>
  );
}
