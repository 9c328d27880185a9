import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ReviewerContent } from '../../../contract/reviewer-content.js';
import { INDICATOR_KEYS, SECTION_KEYS } from '../../../core/application/content.js';
import { SECTION_LABELS } from '../../../core/application/form.js';
import type { DocumentPart } from '../../../core/experts/scoring-forms.js';
import { INDICATOR_LABELS } from '../../../core/labels.js';
import { formatWanDecimal } from '../../../core/money.js';
import { regionName } from '../countries.js';
import { partAnchor } from './anchors.js';
import { BudgetTableView } from './BudgetTableView.js';
import { MarkupText } from './MarkupText.js';
import { TeamView } from './TeamView.js';

/** A line of 基本信息 that the page supplies (what it knows beside the content: title, applicant …). */
export interface BasicItem {
  label: string;
  value: ReactNode;
  wide?: boolean;
}

const none = <Typography.Text type="secondary">（未填写）</Typography.Text>;
const month = (m: string | undefined) => (m ? m.replace('-', ' 年 ') + ' 月' : '—');

function Part({ part, title, children }: { part?: DocumentPart; title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={title}
      id={part && partAnchor(part)}
      // A criterion's link moves focus here, so that a keyboard and a screen reader follow it.
      tabIndex={part ? -1 : undefined}
      data-testid={part && `part-${part}`}
    >
      {children}
    </Card>
  );
}

/**
 * The whole 申报书 as a reviewer reads it (department, province, expert): basic information, the team, the
 * partner, each section, 考核指标, 年度计划, 经费预算表, instruments, ethics and secrecy. `content` is what the
 * server sends a reviewer; it decides what of a person is there.
 */
export function ApplicationDocument({
  content,
  basics,
  partner,
  piName,
}: {
  content: ReviewerContent;
  basics: BasicItem[];
  partner?: { name: string; country?: string } | null;
  piName?: string;
}) {
  const { period, keywords, abstract, team, partnerInstitution: institution, indicators } = content;
  const instruments = content.instruments?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="application-document">
      <Part title="基本信息">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          {basics.map((b) => (
            <Descriptions.Item key={b.label} label={b.label} span={b.wide ? 2 : 1}>
              {b.value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="执行期" span={2}>
            {period?.start || period?.end ? `${month(period.start)} 至 ${month(period.end)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="关键词" span={2}>
            {keywords?.length ? keywords.map((k) => <Tag key={k}>{k}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="摘要" span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{abstract || none}</div>
          </Descriptions.Item>
        </Descriptions>
      </Part>
      <Part part="team" title="项目组">
        {team ? <TeamView team={team} piName={piName} /> : none}
      </Part>
      <Part title="境外合作机构">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="名称（原文）">{partner?.name || '—'}</Descriptions.Item>
          <Descriptions.Item label="中文名称">{institution?.nameZh || '—'}</Descriptions.Item>
          <Descriptions.Item label="国别（地区）">
            {partner?.country ? regionName(partner.country) : '—'}
          </Descriptions.Item>
          {institution?.legalRepresentative && (
            <Descriptions.Item label="法定代表人">{institution.legalRepresentative}</Descriptions.Item>
          )}
          <Descriptions.Item label="地址">{institution?.address || '—'}</Descriptions.Item>
          <Descriptions.Item label="网址">{institution?.website || '—'}</Descriptions.Item>
          <Descriptions.Item label="合作历史" span={2}>
            <MarkupText text={institution?.history} />
          </Descriptions.Item>
        </Descriptions>
      </Part>
      {SECTION_KEYS.map((key) => (
        <Part key={key} part={key} title={SECTION_LABELS[key]}>
          <MarkupText text={content.sections?.[key]} />
        </Part>
      ))}
      <Part part="indicators" title="考核指标">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          {INDICATOR_KEYS.map((key) => {
            const value = indicators?.[key];
            const { label, unit } = INDICATOR_LABELS[key];
            const text =
              value === undefined
                ? '—'
                : key === 'salesRevenue'
                  ? formatWanDecimal(value)
                  : `${value} ${unit}`;
            return (
              <Descriptions.Item key={key} label={label}>
                {text}
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      </Part>
      <Part part="milestones" title="年度计划">
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={content.milestones ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '未填写' }}
          columns={[
            {
              title: '起止年月',
              key: 'period',
              render: (_, m) => `${month(m.from)} 至 ${month(m.to)}`,
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            },
            { title: '阶段目标', dataIndex: 'goal', key: 'goal' },
          ]}
        />
      </Part>
      <Part part="budgetTable" title="经费预算表">
        {content.budgetTable ? <BudgetTableView table={content.budgetTable} /> : none}
      </Part>
      <Part title="大型科学仪器设备购置">
        {instruments.length === 0 ? (
          '不购置单价达到标准的仪器设备'
        ) : (
          <>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={instruments}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '仪器名称', dataIndex: 'name', key: 'name' },
                {
                  title: '单价',
                  dataIndex: 'unitPrice',
                  key: 'unitPrice',
                  align: 'right',
                  render: (v: number) => formatWanDecimal(v),
                },
                { title: '数量', dataIndex: 'quantity', key: 'quantity', align: 'right' },
                { title: '用途', dataIndex: 'purpose', key: 'purpose', render: (v?: string) => v || '—' },
                {
                  title: '不能租用或共享的理由',
                  dataIndex: 'whyNotShared',
                  key: 'whyNotShared',
                  render: (v?: string) => v || '—',
                },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              查重评议与开放共享承诺：{content.instruments?.sharingCommitment ? '已承诺' : '未承诺'}
            </Typography.Paragraph>
          </>
        )}
      </Part>
      <Part title="科技伦理与保密">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="伦理审查批件编号">
            {content.ethicsApproval?.number || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="批准日期">{content.ethicsApproval?.date || '—'}</Descriptions.Item>
          <Descriptions.Item label="脱密声明" span={2}>
            {content.declassified === undefined
              ? '—'
              : content.declassified
                ? '申报材料不含涉密内容，或已作脱密处理'
                : '未声明'}
          </Descriptions.Item>
        </Descriptions>
      </Part>
    </Space>
  );
}
