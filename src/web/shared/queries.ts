/** What PageState needs of a query: TanStack's result, or several combined by `allOf`. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** The data of a query once it is there; `undefined` for a query not needed. (Distributes over TanStack's states.) */
type DataOf<Q extends QueryLike<unknown> | undefined> =
  Q extends QueryLike<unknown> ? Exclude<Q['data'], undefined> : undefined;

/**
 * Several queries as one for PageState: their data once every one has answered, the first failure, and a retry
 * of the failed ones. An `undefined` in place of a query stands for one this user does not need (its data is
 * `undefined`).
 */
export function allOf<const Q extends readonly (QueryLike<unknown> | undefined)[]>(
  queries: Q,
): QueryLike<{ -readonly [K in keyof Q]: DataOf<Q[K]> }> {
  const wanted = queries.filter((query) => query !== undefined);
  const failed = wanted.filter((query) => query.error);
  const ready = wanted.every((query) => query.data !== undefined);
  return {
    data: ready
      ? (queries.map((query) => query?.data) as { -readonly [K in keyof Q]: DataOf<Q[K]> })
      : undefined,
    error: failed[0]?.error ?? null,
    isPending: !ready,
    refetch: () => Promise.all(failed.map((query) => query.refetch())),
  };
}
