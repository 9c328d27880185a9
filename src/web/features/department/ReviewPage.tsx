import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageState } from '../../shared/PageState.js';
import { ApplicationReview } from './ApplicationReview.js';
import { reviewQueries } from './api.js';

/** One application the department received, to read, judge and decide. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const query = useQuery(reviewQueries.detail(id));
  return (
    <PageState query={query}>
      {(detail) => <ApplicationReview detail={detail} loadedAt={query.dataUpdatedAt} />}
    </PageState>
  );
}
