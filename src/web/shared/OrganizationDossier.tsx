import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { ORGANIZATION_KIND_LABELS } from '../../core/labels.js';
import {
  ORGANIZATION_VERIFICATION_LABELS,
  type OrganizationProfileView,
  type OrganizationVerification,
  VERIFICATION_REQUEST_KIND_LABELS,
  VERIFICATION_REQUEST_STATUS_LABELS,
  type VerificationRequestView,
} from '../../contract/organizations.js';
import { beijingTime } from './format.js';

// An organization's declared facts, its standing with its 主管部门 and the history of its verification, as its
// administrator and its department both read them.

const VERIFICATION_COLORS: Record<OrganizationVerification, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function VerificationTag({ status }: { status: OrganizationVerification }) {
  return <Tag color={VERIFICATION_COLORS[status]}>{ORGANIZATION_VERIFICATION_LABELS[status]}</Tag>;
}

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The facts as declared: credit code, dates, legal-entity status, kind, address and contacts. */
export function OrganizationFacts({ organization: o }: { organization: OrganizationProfileView }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '单位名称', children: o.name },
        { key: 'code', label: '统一社会信用代码', children: <span className="mono">{o.creditCode}</span> },
        { key: 'kind', label: '单位类型', children: ORGANIZATION_KIND_LABELS[o.kind] },
        { key: 'registeredOn', label: '注册（成立）日期', children: o.registeredOn },
        { key: 'legal', label: '是否独立法人', children: yesNo(o.independentLegalEntity) },
        { key: 'jiangsu', label: '是否在江苏省注册', children: yesNo(o.inJiangsu) },
        ...(o.kind === 'university'
          ? [{ key: 'msu', label: '部省属本科高校', children: yesNo(o.ministryOrProvincialUniversity) }]
          : []),
        { key: 'department', label: '项目主管部门', children: o.department?.name ?? '（未选择）' },
        { key: 'address', label: '单位地址', children: o.address ?? '（未填写）' },
        { key: 'contact', label: '联系人', children: o.contactName ?? '（未填写）' },
        { key: 'mobile', label: '联系人手机', children: o.contactMobile ?? '（未填写）' },
        { key: 'email', label: '联系人电子邮箱', children: o.contactEmail ?? '（未填写）' },
      ]}
    />
  );
}

/** What a pending change would change, old → new. */
export function PendingChange({ request }: { request: VerificationRequestView }) {
  if (request.kind === 'registration') return null;
  return (
    <Alert
      type="info"
      showIcon
      title={`信息变更待${request.department.name}审核（${beijingTime(request.requestedAt)} 提交）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {request.changes.map((c) => (
            <li key={c.label}>
              {c.label}：{c.before} → {c.after}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Every registration and change put to a department, newest first, with who decided and why. */
export function VerificationHistory({ history }: { history: VerificationRequestView[] }) {
  return (
    <Table<VerificationRequestView>
      size="small"
      rowKey="id"
      dataSource={history}
      pagination={false}
      scroll={{ x: 640 }}
      columns={[
        {
          title: '提交时间',
          dataIndex: 'requestedAt',
          width: 170,
          render: (at: string, r) => (
            <span>
              {beijingTime(at)}
              {r.requestedBy && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.requestedBy}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          title: '事项',
          key: 'kind',
          render: (_, r) => (
            <span>
              {VERIFICATION_REQUEST_KIND_LABELS[r.kind]}（{r.department.name}）
              {r.changes.map((c) => (
                <Typography.Text key={c.label} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {c.label}：{c.before} → {c.after}
                </Typography.Text>
              ))}
            </span>
          ),
        },
        {
          title: '结果',
          key: 'status',
          width: 220,
          render: (_, r) => (
            <span>
              <Tag
                color={r.status === 'approved' ? 'success' : r.status === 'rejected' ? 'error' : 'default'}
              >
                {VERIFICATION_REQUEST_STATUS_LABELS[r.status]}
              </Tag>
              {r.decidedAt && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.decidedBy ?? '系统'} · {beijingTime(r.decidedAt)}
                </Typography.Text>
              )}
              {r.reason && <Typography.Text style={{ display: 'block' }}>理由：{r.reason}</Typography.Text>}
            </span>
          ),
        },
      ]}
    />
  );
}
