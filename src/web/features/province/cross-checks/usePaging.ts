import { useState } from 'react';

const PAGE_SIZE = 50;

/** The filters and the page of a result list read from the server a page at a time: a new filter goes to page 1. */
export function usePaging<F extends object>() {
  const [filters, setFilters] = useState<F>({} as F);
  const [page, setPage] = useState(1);
  return {
    filters,
    /** The filters with the page's window, as the server takes them. */
    window: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    filter: (next: Partial<F>) => {
      setPage(1);
      setFilters((f) => ({ ...f, ...next }));
    },
    /** A Table's pagination over `total` results, counted in `unit`. */
    pagination: (total: number, unit: string) => ({
      current: page,
      pageSize: PAGE_SIZE,
      total,
      showSizeChanger: false,
      showTotal: (n: number) => `共 ${n} ${unit}`,
      onChange: setPage,
    }),
  };
}
