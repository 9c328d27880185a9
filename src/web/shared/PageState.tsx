import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { describeError } from './api.js';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

interface PageStateProps<T> {
  query: QueryLike<T>;
  /** What the page shows once the data is there. */
  children: (data: T) => ReactNode;
  /** When the data is there but holds nothing to show, and what to say then. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
}

/**
 * Loading, failure and emptiness, said the same way on every page: a spinner while the first answer is on its
 * way, the server's Chinese message with a retry button when it fails, and `empty` when there is nothing.
 */
export function PageState<T>({ query, children, isEmpty, empty }: PageStateProps<T>) {
  if (query.error) {
    return (
      <Alert
        type="error"
        showIcon
        message="加载失败"
        description={describeError(query.error)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (query.isPending || query.data === undefined) {
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        <Spin tip="正在加载…">
          <span />
        </Spin>
      </div>
    );
  }
  if (isEmpty?.(query.data)) return <Empty description={empty ?? '暂无数据'} />;
  return <>{children(query.data)}</>;
}
