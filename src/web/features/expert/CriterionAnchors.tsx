import { Typography } from 'antd';
import { anchorOf, type Criterion } from '../../../core/experts/scoring-forms.js';

/** The bands of a criterion's scale with what each means; the one the current score falls in is marked. */
export function CriterionAnchors({ criterion, score }: { criterion: Criterion; score: number | null }) {
  const current = score === null ? undefined : anchorOf(criterion, score);
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid={`anchors-${criterion.id}`}>
      {criterion.anchors.map((a) => (
        <li key={`${a.from}-${a.to}`}>
          <Typography.Text strong={a === current} type={a === current ? undefined : 'secondary'}>
            {a.from === a.to ? a.from : `${a.from}–${a.to}`} 分 {a.text}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
