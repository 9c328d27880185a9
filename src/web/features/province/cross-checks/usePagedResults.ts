import { useEffect, useState } from 'react';
import { describeError } from '../../../shared/api.js';

const PAGE_SIZE = 50;

/**
 * A result list read from the server a page at a time under filters: a new filter goes back to page 1, and
 * `version` (with the call) tells when to read again.
 */
export function usePagedResults<F extends object, T extends { run: unknown; total: number }>(
  read: (query: F & { limit: number; offset: number }) => Promise<T>,
  callId: string,
  version: number,
) {
  const [filters, setFilters] = useState<F>({} as F);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setData(undefined);
    setError(undefined);
    read({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }).then(setData, (e: unknown) =>
      setError(describeError(e)),
    );
    // `read` is a new closure each render; what it reads is in these.
  }, [callId, filters, page, version]);

  return {
    filters,
    data,
    error,
    filter: (next: Partial<F>) => {
      setPage(1);
      setFilters((f) => ({ ...f, ...next }));
    },
    /** The Table's props for the page's rows, counted in `unit`, with what to say when there are none. */
    table: <R>(rows: R[] | undefined, unit: string, none: string) => ({
      rowKey: 'id',
      size: 'middle' as const,
      loading: data === undefined,
      dataSource: rows,
      locale: { emptyText: data?.run ? none : '本计划尚无完成的全省核查' },
      pagination: {
        current: page,
        pageSize: PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n: number) => `共 ${n} ${unit}`,
        onChange: setPage,
      },
    }),
  };
}
