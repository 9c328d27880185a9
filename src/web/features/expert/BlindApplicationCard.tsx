import { Card, Descriptions, Typography } from 'antd';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { formatWan } from '../../../core/money.js';
import { regionName } from '../../shared/countries.js';
import { beijingTime } from '../../shared/format.js';
import type { MyAssignmentDetail } from './api.js';

const wan = (yuan: number | null) => (yuan === null ? '—' : formatWan(yuan));

/** The application as experts see it: no person, no contact, no credit code, no document. */
export function BlindApplicationCard({
  application,
  dueAt,
}: {
  application: MyAssignmentDetail['application'];
  dueAt: string;
}) {
  return (
    <Card title="申报书（已隐去个人信息）">
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="受理编号">{application.acceptanceNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="专题">{TOPIC_LABELS[application.topic]}</Descriptions.Item>
        <Descriptions.Item label="技术领域">{application.field || '—'}</Descriptions.Item>
        <Descriptions.Item label="申报单位">{application.applicant.name}</Descriptions.Item>
        <Descriptions.Item label="境外合作机构">
          {application.partner
            ? `${application.partner.name}（${regionName(application.partner.country)}）`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="境内合作单位">
          {application.domesticPartners.map((p) => p.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="项目总预算">{wan(application.budget.total)}</Descriptions.Item>
        <Descriptions.Item label="江苏方总预算">{wan(application.budget.jiangsuTotal)}</Descriptions.Item>
        <Descriptions.Item label="申请省资助经费">
          <span data-testid="requested-funding">{wan(application.budget.provincialFunding)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="评审截止时间">{beijingTime(dueAt)}</Descriptions.Item>
        <Descriptions.Item label="主要研究内容" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {application.summary}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
