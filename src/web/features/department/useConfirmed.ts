import { useEffect, useState } from 'react';
import { reviewApi } from './api.js';

/**
 * Whether the department confirmed its list for the call. The department's API reports it with an
 * application's detail only, so one of its own applications is asked; `undefined` while unknown.
 */
export function useConfirmed(callId: string | undefined, refresh = 0): boolean | undefined {
  const [confirmed, setConfirmed] = useState<boolean>();
  useEffect(() => {
    setConfirmed(undefined);
    if (!callId) return;
    let live = true;
    reviewApi
      .list({ callId })
      .then((items) => {
        const own = items.find((i) => !i.readOnly);
        return own ? reviewApi.detail(own.application.id).then((d) => d.confirmed) : undefined;
      })
      .then(
        (value) => live && setConfirmed(value),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [callId, refresh]);
  return confirmed;
}
