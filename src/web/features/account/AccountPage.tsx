import { Typography } from 'antd';
import { AccountSecurity } from './AccountSecurity.js';

/** The page every role reaches from the header: its own account's settings. */
export function AccountPage() {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        账号与安全
      </Typography.Title>
      <AccountSecurity />
    </>
  );
}
