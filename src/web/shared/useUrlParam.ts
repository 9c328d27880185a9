import { useSearchParams } from 'react-router';

/**
 * One of a page's filters, kept in the address (`?q=…`) so that a view can be shared and survives a reload.
 * A change replaces the history entry: going back leaves the page rather than undoing a filter.
 */
export function useUrlParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  return [params.get(name) ?? undefined, set];
}
