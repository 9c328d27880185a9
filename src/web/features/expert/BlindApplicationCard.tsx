import { Card } from 'antd';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { formatWan } from '../../../core/money.js';
import { ApplicationDocument } from '../../shared/application/ApplicationDocument.js';
import { beijingTime } from '../../shared/format.js';
import type { MyAssignmentDetail } from './api.js';

const wan = (yuan: number | null) => (yuan === null ? '—' : formatWan(yuan));

/** The 申报书 as experts see it: no person named, no contact, no ID, no credit code. */
export function BlindApplicationCard({
  application,
  dueAt,
}: {
  application: MyAssignmentDetail['application'];
  dueAt: string;
}) {
  return (
    <Card title="申报书（已隐去个人信息）">
      <ApplicationDocument
        content={application.content}
        partner={application.partner}
        basics={[
          { label: '项目名称', value: application.title || '—', wide: true },
          { label: '受理编号', value: application.acceptanceNo ?? '—' },
          { label: '专题', value: TOPIC_LABELS[application.topic] },
          { label: '技术领域', value: application.field || '—' },
          { label: '申报单位', value: application.applicant.name },
          {
            label: '境内合作单位',
            value: application.domesticPartners.map((p) => p.name).join('、') || '—',
          },
          { label: '项目总预算', value: wan(application.budget.total) },
          { label: '江苏方总预算', value: wan(application.budget.jiangsuTotal) },
          {
            label: '申请省资助经费',
            value: <span data-testid="requested-funding">{wan(application.budget.provincialFunding)}</span>,
          },
          { label: '评审截止时间', value: beijingTime(dueAt) },
          ...(application.summary
            ? [
                {
                  label: '主要研究内容',
                  wide: true,
                  value: <div style={{ whiteSpace: 'pre-wrap' }}>{application.summary}</div>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
