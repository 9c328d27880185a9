import { Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { STATUS_LABELS } from '../../shared/format.js';
import type { ReviewItem } from './api.js';

const count = (item: ReviewItem, severity: 'error' | 'warning') =>
  item.findings.filter((f) => f.severity === severity).length;

/** The review queue's columns: which application, from whom, its state and what the rules found. */
export const QUEUE_COLUMNS: TableColumnsType<ReviewItem> = [
  {
    title: '受理编号',
    key: 'acceptanceNo',
    render: (_, item) => (
      <Link to={`/review/${item.application.id}`} data-testid="open-application">
        {item.application.acceptanceNo ?? '—'}
      </Link>
    ),
  },
  {
    title: '项目名称',
    key: 'title',
    render: (_, item) => (
      <Space orientation="vertical" size={0}>
        <span>{item.application.form.title || '（未填写）'}</span>
        {item.readOnly && (
          <Tooltip title={`由${item.application.department.name}审核推荐，本部门只读`}>
            <Tag color="purple" data-testid="counts-against-quota">
              {item.countsAgainstQuotaOf ? '计入本市限额' : '只读'} · {item.application.department.name}
            </Tag>
          </Tooltip>
        )}
      </Space>
    ),
  },
  {
    title: '申报单位',
    key: 'applicant',
    render: (_, i) => i.application.organization.name,
  },
  {
    title: '专题',
    key: 'topic',
    width: 80,
    render: (_, i) => TOPIC_LABELS[i.application.topic],
  },
  {
    title: '状态',
    key: 'status',
    width: 110,
    render: (_, i) => {
      const status = STATUS_LABELS[i.application.status];
      return (
        <Space size={2} wrap>
          <Tag color={status.color}>{status.label}</Tag>
          {i.separateSlot && <Tag color="cyan">单独名额</Tag>}
        </Space>
      );
    },
  },
  {
    title: '错误 / 提示',
    key: 'findings',
    width: 110,
    render: (_, i) => {
      const errors = count(i, 'error');
      const warnings = count(i, 'warning');
      return (
        <Space size={4}>
          <Tag color={errors > 0 ? 'error' : 'default'}>错 {errors}</Tag>
          <Tag color={warnings > 0 ? 'warning' : 'default'}>提 {warnings}</Tag>
        </Space>
      );
    },
  },
];
