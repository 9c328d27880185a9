import { useQuery } from '@tanstack/react-query';
import type { FinalizationView } from '../../../../contract/finalization.js';
import type { PersonView } from '../../../../contract/people.js';
import { useUser } from '../../../app/session.js';
import type { ApplicationDto, CallDto, Evaluation } from '../../../shared/api.js';
import { callsQuery } from '../../../shared/calls.js';
import { allOf, type QueryLike } from '../../../shared/queries.js';
import { applicationQuery, peopleQuery } from '../queries.js';

export interface EditorData {
  application: ApplicationDto;
  evaluation: Evaluation;
  /** 定稿 and the notices on signed scans. */
  finalization: FinalizationView;
  /** The call's topics and terms, from the calls the user may see. */
  call: CallDto | undefined;
  /** The unit's people to choose the PI from; a unit's administrators and contacts choose. */
  people: PersonView[] | undefined;
}

/** What the editor needs before it opens: the application with its evaluation, its call, and the PI choices. */
export function useEditorData(id: string): QueryLike<EditorData> {
  const choosesPi = useUser().role !== 'pi';
  const application = useQuery(applicationQuery(id));
  const calls = useQuery({ ...callsQuery, select: (r) => r.calls });
  const people = useQuery({ ...peopleQuery, enabled: choosesPi });
  const loaded = allOf([application, calls, choosesPi ? people : undefined]);
  const [read, allCalls, unitPeople] = loaded.data ?? [];
  return {
    ...loaded,
    data: read && {
      ...read,
      call: allCalls?.find((c) => c.id === read.application.callId),
      people: unitPeople,
    },
  };
}
