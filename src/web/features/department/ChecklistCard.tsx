import { useQuery } from '@tanstack/react-query';
import { PageState } from '../../shared/PageState.js';
import { reviewQueries } from './api.js';
import { ChecklistForm } from './ChecklistForm.js';

/** 形式审查 checklist: the 汇总表's judgement columns, proposed from the rules, answered by the department. */
export function ChecklistCard({ applicationId }: { applicationId: string }) {
  const query = useQuery(reviewQueries.checklist(applicationId));
  // A save starts the form again from the saved answers.
  return (
    <PageState query={query}>
      {(view) => <ChecklistForm key={view.savedAt ?? ''} applicationId={applicationId} view={view} />}
    </PageState>
  );
}
