import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, describeError } from './api.js';
import type { QueryLike } from './queries.js';

interface PageStateProps<T> {
  /** A TanStack query's result, or several made one by `allOf`. */
  query: QueryLike<T>;
  /** What the page shows once the data is there. */
  children: (data: T) => ReactNode;
  /** When the data is there but holds nothing to show, and what to say then. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /**
   * What to show when the server answers 404 (the record does not exist, or is not the user's): a page about
   * one record says which and leads back to the list; without it a 404 is a failure like any other.
   */
  notFound?: ReactNode;
  /** Its own words in another language (a bilingual page's); Chinese by default. */
  words?: PageStateWords;
}

export interface PageStateWords {
  retry: string;
  failed: string;
  loading: string;
  /** Before the server's message: the page shows what it read before. */
  stale: string;
  empty: string;
}

const CHINESE: PageStateWords = {
  retry: '重试',
  failed: '加载失败',
  loading: '正在加载…',
  stale: '刷新失败，页面显示的是之前读取的内容：',
  empty: '暂无数据',
};

/**
 * Loading, failure and emptiness, said the same way on every page: a spinner while the first answer is on its
 * way, the server's Chinese message with a retry button when it fails (above the page when only a later
 * reading failed), and `empty` when there is nothing.
 */
export function PageState<T>({
  query,
  children,
  isEmpty,
  empty,
  notFound,
  words = CHINESE,
}: PageStateProps<T>) {
  const { data, error } = query;
  const retry = (
    <Button size="small" onClick={() => void query.refetch()}>
      {words.retry}
    </Button>
  );
  if (error && data === undefined) {
    if (notFound && error instanceof ApiError && error.status === 404) return <>{notFound}</>;
    return (
      <Alert type="error" showIcon title={words.failed} description={describeError(error)} action={retry} />
    );
  }
  if (query.isPending || data === undefined) {
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        <Spin description={words.loading}>
          <span />
        </Spin>
      </div>
    );
  }
  // Reading again failed: what was read stays on the page (an editor keeps its text), with the failure above it.
  const stale = error ? (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${words.stale}${describeError(error)}`}
      action={retry}
    />
  ) : null;
  if (isEmpty?.(data)) {
    return (
      <>
        {stale}
        <Empty description={empty ?? words.empty} />
      </>
    );
  }
  return (
    <>
      {stale}
      {children(data)}
    </>
  );
}
