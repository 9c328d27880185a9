import { Spin } from 'antd';

/** What the whole window shows before the first page can: the session or the page's code is on its way. */
export function FullPageLoading() {
  return <Spin size="large" fullscreen description="正在加载…" />;
}
