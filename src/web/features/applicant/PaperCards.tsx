import { useQueries } from '@tanstack/react-query';
import type { ApplicationDto } from '../../shared/api.js';
import { PaperOwedCard, paperOwedQuery } from '../../shared/paper.js';

/**
 * 纸质材料 under the applications: per call the unit submitted to, the paper still owed (专题一's copies, a funded
 * project's bound copy); nothing when a call asks for none.
 */
export function PaperCards({ applications }: { applications: readonly ApplicationDto[] }) {
  const calls = [
    ...new Map(applications.filter((a) => a.acceptanceNo).map((a) => [a.callId, a.callName])).entries(),
  ];
  const owed = useQueries({ queries: calls.map(([id]) => paperOwedQuery('applications', id)) });
  return (
    <>
      {calls.map(([id, name], i) => {
        const data = owed[i]?.data;
        return data && data.items.length > 0 ? (
          <div key={id} style={{ marginTop: 16 }}>
            <PaperOwedCard data={data} title={`纸质材料（${name}）`} />
          </div>
        ) : null;
      })}
    </>
  );
}
