import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageState } from '../../shared/PageState.js';
import { expertQueries } from './api.js';
import { AssignmentScoring } from './AssignmentScoring.js';

/** The scoring form of one of the expert's assignments. */
export function ScoringPage() {
  const { id = '' } = useParams();
  const query = useQuery(expertQueries.assignment(id));
  return (
    <PageState query={query}>
      {(detail) => <AssignmentScoring key={detail.assignment.id} detail={detail} />}
    </PageState>
  );
}
