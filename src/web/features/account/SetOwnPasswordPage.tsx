import { Alert, Button, Card } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useSession, useUser } from '../../app/session.js';
import { PublicFrame } from '../public/PublicFrame.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/** 设置新密码: an account created by someone else chooses its own password before anything else. */
export function SetOwnPasswordPage() {
  const user = useUser();
  const { refresh, logout } = useSession();
  const navigate = useNavigate();
  if (!user.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <PublicFrame>
      <Card title="设置新密码">
        <Alert
          type="info"
          showIcon
          title={`${user.displayName}，您的账号由他人开通，首次登录须先设置只有您自己知道的新密码。`}
          description="当前密码即开通账号时告知您的初始密码。"
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm
          submitText="设置新密码"
          onChanged={() => void refresh().then(() => navigate('/', { replace: true }))}
        />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
          退出登录
        </Button>
      </Card>
    </PublicFrame>
  );
}
