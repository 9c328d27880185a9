import { App } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's App (the message, notification and modal hooks of `App.useApp()`) around the signed-in pages only: it is
 * a chunk of its own, so that the login and public pages download none of it. A public page that must say
 * something after it has navigated away uses antd's static `message`, themed by `ConfigProvider.config`.
 */
export function SignedInApp() {
  return (
    <App>
      <Outlet />
    </App>
  );
}
