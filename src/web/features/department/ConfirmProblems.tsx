import { Alert, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { ConfirmProblem } from '../../../contract/review.js';
import type { ReviewItem } from './api.js';

/**
 * What the server refuses a confirmation for (the same list it answers with): the department's own
 * applications not yet decided, and those recommended that have errors.
 */
export function confirmProblems(items: readonly ReviewItem[]): ConfirmProblem[] {
  const own = items.filter((i) => !i.readOnly);
  const problem = (i: ReviewItem, kind: ConfirmProblem['problem']): ConfirmProblem => ({
    applicationId: i.application.id,
    acceptanceNo: i.application.acceptanceNo,
    title: i.application.form.title ?? '',
    problem: kind,
    errors: kind === 'errors' ? i.findings.filter((f) => f.severity === 'error').map((f) => f.message) : [],
  });
  return [
    ...own
      .filter((i) => i.application.status === 'recommended' && !i.eligible)
      .map((i) => problem(i, 'errors')),
    ...own.filter((i) => i.application.status === 'submitted').map((i) => problem(i, 'pending')),
  ];
}

/** The problems listed before the button, each linking to its application's review page. */
export function ConfirmProblems({ problems }: { problems: readonly ConfirmProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="confirm-problems"
      title={`还有 ${problems.length} 项申报书须先处理，处理后才能确认提交`}
      description={
        <List
          size="small"
          dataSource={[...problems]}
          renderItem={(p) => (
            <List.Item key={p.applicationId}>
              <div>
                <Link to={`/review/${p.applicationId}`}>
                  {p.acceptanceNo ?? ''} {p.title || '（未填写项目名称）'}
                </Link>
                ：
                {p.problem === 'pending'
                  ? '尚未作出推荐决定，请推荐、不推荐或退回'
                  : '已推荐但存在错误，请撤销推荐或改为不推荐'}
                {p.errors.map((e) => (
                  <Typography.Paragraph key={e} type="danger" style={{ margin: 0 }}>
                    {e}
                  </Typography.Paragraph>
                ))}
              </div>
            </List.Item>
          )}
        />
      }
    />
  );
}
