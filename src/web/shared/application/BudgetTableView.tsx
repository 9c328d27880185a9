import { Descriptions, Table, Typography } from 'antd';
import {
  budgetFromTable,
  EXPENDITURE_KEYS,
  expendituresTotal,
  JUSTIFIED_HEADINGS,
  SOURCE_KEYS,
  sourcesTotal,
  type BudgetColumn,
  type BudgetTable,
} from '../../../core/application/content.js';
import { EXPENDITURE_LABELS, JUSTIFIED_HEADING_LABELS, SOURCE_LABELS } from '../../../core/labels.js';
import { formatWanDecimal } from '../../../core/money.js';
import { MarkupText } from './MarkupText.js';

interface Row {
  key: string;
  label: string;
  /** Yuan per column; undefined when the column leaves the line blank. */
  amounts: (number | undefined)[];
  strong?: boolean;
  indent?: boolean;
}

const EQUIPMENT = ['equipmentPurchase', 'equipmentTrial', 'equipmentLease'] as const;
const equipmentOf = (c: BudgetColumn) => EQUIPMENT.reduce((sum, k) => sum + (c.expenditures[k] ?? 0), 0);

function rowsOf(columns: BudgetColumn[]): Row[] {
  const line = (key: string, label: string, of: (c: BudgetColumn) => number | undefined, extra = {}) => ({
    key,
    label,
    amounts: columns.map(of),
    ...extra,
  });
  const indirectUsed = columns.some((c) => c.expenditures.indirect !== undefined);
  return [
    line('sources', '一、经费来源', sourcesTotal, { strong: true }),
    ...SOURCE_KEYS.map((k) => line(`source-${k}`, SOURCE_LABELS[k], (c) => c.sources[k], { indent: true })),
    line('expenditures', '二、经费支出', expendituresTotal, { strong: true }),
    line('equipment', '设备费', equipmentOf, { indent: true }),
    ...EQUIPMENT.map((k) =>
      line(`expenditure-${k}`, `其中：${EXPENDITURE_LABELS[k]}`, (c) => c.expenditures[k], { indent: true }),
    ),
    ...EXPENDITURE_KEYS.filter((k) => !(EQUIPMENT as readonly string[]).includes(k))
      .filter((k) => k !== 'indirect' || indirectUsed)
      .map((k) =>
        line(`expenditure-${k}`, EXPENDITURE_LABELS[k], (c) => c.expenditures[k], { indent: true }),
      ),
  ];
}

const amount = (yuan: number | undefined) => (yuan === undefined ? '—' : formatWanDecimal(yuan));

/** 经费预算表 as reviewers read it: the whole project and 江苏方, the totals derived, each heading's justification. */
export function BudgetTableView({ table }: { table: BudgetTable }) {
  const columns = table.jiangsu ? [table.whole, table.jiangsu] : [table.whole];
  const titles = table.jiangsu ? ['项目总预算', '其中江苏方'] : ['项目总预算（均为江苏方）'];
  const derived = budgetFromTable(table);
  const justified = JUSTIFIED_HEADINGS.filter((k) => table.justifications?.[k]?.trim());
  return (
    <>
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rowsOf(columns)}
        scroll={{ x: 'max-content' }}
        data-testid="budget-table"
        columns={[
          {
            title: '预算科目',
            key: 'label',
            render: (_, r) => (
              <span style={{ paddingLeft: r.indent ? 16 : 0, fontWeight: r.strong ? 600 : undefined }}>
                {r.label}
              </span>
            ),
          },
          ...titles.map((title, i) => ({
            title,
            key: `column-${i}`,
            align: 'right' as const,
            render: (_: unknown, r: Row) => (
              <span style={{ fontWeight: r.strong ? 600 : undefined, whiteSpace: 'nowrap' }}>
                {amount(r.amounts[i])}
              </span>
            ),
          })),
        ]}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="项目总预算">{formatWanDecimal(derived.total)}</Descriptions.Item>
        <Descriptions.Item label="江苏方总预算">{formatWanDecimal(derived.jiangsuTotal)}</Descriptions.Item>
        <Descriptions.Item label="申请省资助经费">
          <span data-testid="budget-provincial">{formatWanDecimal(derived.provincialFunding)}</span>
        </Descriptions.Item>
      </Descriptions>
      {justified.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Title level={5}>预算说明</Typography.Title>
          {justified.map((k) => (
            <div key={k}>
              <Typography.Text strong>{JUSTIFIED_HEADING_LABELS[k]}</Typography.Text>
              <MarkupText text={table.justifications?.[k]} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
