import { Tag } from 'antd';
import { formatWan } from '../../../../core/money.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import type { FormalReviewItemView } from './api.js';

// Columns the province's pages share: which application, by whom, asking for how much.

type ProvinceApplication = FormalReviewItemView['application'];

export function applicationColumns<T extends { application: ProvinceApplication }>() {
  return [
    { title: '受理编号', width: 160, render: (_: unknown, r: T) => r.application.acceptanceNo ?? '—' },
    {
      title: '项目名称',
      onCell: () => ({ style: { minWidth: 200 } }),
      render: (_: unknown, r: T) => r.application.title || '（未填写）',
    },
    {
      title: '申报单位 / 负责人',
      width: 220,
      render: (_: unknown, r: T) => `${r.application.organizationName} / ${r.application.piName}`,
    },
    {
      title: '专题',
      width: 80,
      render: (_: unknown, r: T) => <Tag>{TOPIC_LABELS[r.application.topic]}</Tag>,
    },
    { title: '主管部门', width: 160, render: (_: unknown, r: T) => r.application.departmentName },
    {
      title: '申请省资助',
      width: 110,
      render: (_: unknown, r: T) => formatWan(r.application.requestedFunding),
    },
  ];
}
