import { Space } from 'antd';
import type { PairsPage } from './api.js';

type Side = PairsPage['pairs'][number]['a'];

/** One side of a similar pair: an application of the call, or another department's submission. */
export function SideLabel({ side }: { side: Side }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{side.title || '（无项目名称）'}</span>
      <span style={{ color: '#888' }}>
        {side.kind === 'application'
          ? `${side.acceptanceNo ?? '草稿'} · ${side.applicant} · ${side.department?.name ?? ''}`
          : `外部门申报 · ${side.program ?? ''} · ${side.creditCode}`}
        {side.piName && ` · 负责人 ${side.piName}`}
      </span>
    </Space>
  );
}
