import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { Button, theme, Typography } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * A page that could not be shown: its code failed to load (the connection dropped, or a new version replaced
 * the files this tab knew) or it failed while drawing. Said in Chinese, never as a stack trace. It is in the first
 * download (a page that failed to load cannot load its error page), so it draws antd's Result by hand: Result
 * brings its three illustrations to every first page.
 */
export function RouteError() {
  const error = useRouteError();
  const { token } = theme.useToken();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const Icon = missing ? WarningFilled : CloseCircleFilled;
  return (
    <div style={{ padding: '48px 32px', textAlign: 'center' }}>
      <Icon style={{ fontSize: 72, color: missing ? token.colorWarning : token.colorError }} />
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {missing ? '页面不存在' : '页面加载失败'}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {missing ? '您访问的页面不存在，或已被移动。' : '可能是网络中断或系统已更新，请刷新页面后重试。'}
      </Typography.Paragraph>
      <Button type="primary" onClick={() => window.location.reload()}>
        刷新页面
      </Button>
    </div>
  );
}
