import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { messagesQueries } from './api.js';

/** The menu's 我的消息 with the number of unread messages beside it. */
export function UnreadBadge({ label }: { label: string }) {
  const unread = useQuery(messagesQueries.unread()).data ?? 0;
  return (
    <span>
      {label}
      <Badge count={unread} size="small" offset={[6, -2]} title={`${unread} 条未读`} />
    </span>
  );
}
