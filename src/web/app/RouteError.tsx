import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * A page that could not be shown: its code failed to load (the connection dropped, or a new version replaced
 * the files this tab knew) or it failed while drawing. Said in Chinese, never as a stack trace.
 */
export function RouteError() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? '页面不存在' : '页面加载失败'}
      subTitle={
        missing ? '您访问的页面不存在，或已被移动。' : '可能是网络中断或系统已更新，请刷新页面后重试。'
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
