import { Alert, Col, Form, Input, InputNumber, Row, Statistic, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  budgetFromTable,
  expendituresTotal,
  JUSTIFIED_HEADINGS,
  SOURCE_KEYS,
  sourcesTotal,
  type BudgetColumn,
  type BudgetTable,
  type ExpenditureKey,
} from '../../../../../core/application/content.js';
import { EXPENDITURE_LABELS, JUSTIFIED_HEADING_LABELS, SOURCE_LABELS } from '../../../../../core/labels.js';
import { formatWan, formatWanDecimal, yuanToWan } from '../../../../../core/money.js';
import { fieldId } from '../fields.js';
import { formPatch, textOrUndefined, type StepProps } from './common.js';
import {
  cellWan,
  emptyColumn,
  withCell,
  withJiangsuColumn,
  type Cell,
  type ColumnKey,
} from './budget-table.js';

const BASE_LABELS = { total: '项目总预算', jiangsuTotal: '江苏方总预算' } as const;
const COLUMN_LABELS: Record<ColumnKey, string> = { whole: '项目总预算', jiangsu: '江苏方预算' };
const EQUIPMENT: ExpenditureKey[] = ['equipmentPurchase', 'equipmentTrial', 'equipmentLease'];

const cellPath = (column: ColumnKey, cell: Cell) => `budgetTable.${column}.${cell.side}.${cell.key}`;
const sum = (column: BudgetColumn | undefined, keys: readonly ExpenditureKey[]) =>
  keys.reduce((n, k) => n + (column?.expenditures[k] ?? 0), 0);

/** One line of the table: its label, then a cell (or a computed figure) per column shown. */
function Line({
  label,
  columns,
  render,
  strong = false,
  indent = false,
}: {
  label: string;
  columns: ColumnKey[];
  render(column: ColumnKey): ReactNode;
  strong?: boolean;
  indent?: boolean;
}) {
  return (
    <Row gutter={8} align="middle" style={{ marginBottom: 8 }}>
      <Col xs={24} md={8}>
        <Typography.Text strong={strong} style={indent ? { paddingLeft: 16 } : undefined}>
          {label}
        </Typography.Text>
      </Col>
      {columns.map((c) => (
        <Col key={c} xs={24 / columns.length} md={16 / columns.length}>
          {render(c)}
        </Col>
      ))}
    </Row>
  );
}

/** 经费预算表 in 万元, the totals the rules read derived from it, and a justification per heading. */
export function BudgetStep({ draft, update, stream, call }: StepProps) {
  const table = draft.form.budgetTable;
  const separate = !!table?.jiangsu;
  const columns: ColumnKey[] = separate ? ['whole', 'jiangsu'] : ['whole'];
  const indirect = call?.content.indirectCosts ?? null;
  const setTable = (change: (table: BudgetTable | undefined) => BudgetTable) =>
    update((d) => formPatch({ budgetTable: change(d.form.budgetTable), budget: undefined })(d));
  const derived = table ? budgetFromTable(table) : undefined;
  const share = stream?.fundingShare;
  const ratio =
    share && derived && derived[share.base] > 0
      ? (derived.provincialFunding / derived[share.base]) * 100
      : undefined;
  // A finding on 申请省资助经费 takes the applicant to the 省拨款 of 江苏方, where it comes from.
  const fundingColumn: ColumnKey = separate ? 'jiangsu' : 'whole';

  const input = (column: ColumnKey, cell: Cell, label: string) => {
    const control = (
      <InputNumber<number>
        id={fieldId(cellPath(column, cell))}
        aria-label={`${label}（${COLUMN_LABELS[column]}）`}
        value={cellWan(table, column, cell)}
        min={0}
        max={10_000_000}
        precision={2}
        suffix="万元"
        style={{ width: '100%' }}
        onChange={(v) => setTable((t) => withCell(t, column, cell, typeof v === 'number' ? v : null))}
      />
    );
    return cell.side === 'sources' && cell.key === 'provincial' && column === fundingColumn ? (
      <div id={fieldId('budget.provincialFunding')}>{control}</div>
    ) : (
      control
    );
  };
  const figure = (yuan: number, danger = false) => (
    <Typography.Text strong type={danger ? 'danger' : undefined}>
      {formatWanDecimal(yuan)}
    </Typography.Text>
  );
  const header = (
    <Line
      label="科目"
      columns={columns}
      strong
      render={(c) => <Typography.Text strong>{COLUMN_LABELS[c]}</Typography.Text>}
    />
  );
  const unbalanced = (c: ColumnKey) => {
    const column = table?.[c];
    return !!column && sourcesTotal(column) !== expendituresTotal(column);
  };
  const expenditureKeys: ExpenditureKey[] = [
    'business',
    'labour',
    ...(indirect ? (['indirect'] as const) : []),
  ];

  return (
    <div id={fieldId('budgetTable')}>
      {stream && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${stream.label}：省资助经费每项原则上不超过 ${formatWan(stream.fundingCap)}${
            share ? `，且不超过${BASE_LABELS[share.base]}的 ${share.percent}%` : ''
          }`}
          description="金额以万元为单位，保留两位小数。项目总预算、江苏方总预算和申请省资助经费由本表自动计算。"
        />
      )}
      <Form.Item
        htmlFor={fieldId('budgetTable.jiangsu')}
        label="江苏方预算与项目总预算不同"
        extra="境外合作方自行承担部分经费时打开，另填江苏方（申报单位及江苏境内合作单位）的预算。"
      >
        <Switch
          id={fieldId('budgetTable.jiangsu')}
          checked={separate}
          onChange={(on) => setTable((t) => withJiangsuColumn(t, on))}
        />
      </Form.Item>

      <Typography.Title level={5}>一、经费来源</Typography.Title>
      {header}
      {SOURCE_KEYS.map((key) => (
        <Line
          key={key}
          label={SOURCE_LABELS[key]}
          columns={columns}
          render={(c) => input(c, { side: 'sources', key }, SOURCE_LABELS[key])}
        />
      ))}
      <Line
        label="来源合计"
        columns={columns}
        strong
        render={(c) => figure(table?.[c] ? sourcesTotal(table[c]) : 0, unbalanced(c))}
      />

      <Typography.Title level={5}>二、经费支出</Typography.Title>
      {header}
      <Line label="设备费" columns={columns} strong render={(c) => figure(sum(table?.[c], EQUIPMENT))} />
      {EQUIPMENT.map((key) => (
        <Line
          key={key}
          label={EXPENDITURE_LABELS[key]}
          indent
          columns={columns}
          render={(c) => input(c, { side: 'expenditures', key }, EXPENDITURE_LABELS[key])}
        />
      ))}
      {expenditureKeys.map((key) => (
        <Line
          key={key}
          label={
            key === 'indirect' && indirect
              ? `${EXPENDITURE_LABELS[key]}（不超过直接费用的 ${indirect.maxPercentOfDirect}%）`
              : EXPENDITURE_LABELS[key]
          }
          columns={columns}
          render={(c) => input(c, { side: 'expenditures', key }, EXPENDITURE_LABELS[key])}
        />
      ))}
      <Line
        label="支出合计"
        columns={columns}
        strong
        render={(c) => figure(table?.[c] ? expendituresTotal(table[c]) : 0, unbalanced(c))}
      />
      {columns.filter(unbalanced).map((c) => (
        <Alert
          key={c}
          data-testid={`budget-unbalanced-${c}`}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${COLUMN_LABELS[c]}：来源合计 ${formatWanDecimal(sourcesTotal(table![c]!))}，支出合计 ${formatWanDecimal(
            expendituresTotal(table![c]!),
          )}，两者应相等`}
        />
      ))}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        由本表计算
      </Typography.Title>
      <Row gutter={24} style={{ marginBottom: 16 }}>
        {(
          [
            ['total', '项目总预算'],
            ['jiangsuTotal', '江苏方总预算'],
            ['provincialFunding', '申请省资助经费'],
          ] as const
        ).map(([key, title]) => (
          <Col
            xs={12}
            md={8}
            key={key}
            id={key === 'provincialFunding' ? undefined : fieldId(`budget.${key}`)}
          >
            <Statistic
              title={title}
              value={derived ? yuanToWan(derived[key]) : '—'}
              precision={derived ? 2 : undefined}
              suffix={derived ? '万元' : undefined}
              styles={{
                content: {
                  color:
                    key === 'provincialFunding' &&
                    derived &&
                    stream &&
                    derived.provincialFunding > stream.fundingCap
                      ? '#cf1322'
                      : undefined,
                },
              }}
            />
          </Col>
        ))}
        {share && ratio !== undefined && (
          <Col xs={12} md={8}>
            <Statistic
              title={`省资助占${BASE_LABELS[share.base]}`}
              value={ratio}
              precision={1}
              suffix={`%（上限 ${share.percent}%）`}
              styles={{ content: { color: ratio > share.percent ? '#cf1322' : undefined } }}
            />
          </Col>
        )}
      </Row>

      <Typography.Title level={5}>预算说明</Typography.Title>
      {JUSTIFIED_HEADINGS.filter((h) => h !== 'indirect' || indirect).map((heading) => (
        <Form.Item
          key={heading}
          htmlFor={fieldId(`budgetTable.justifications.${heading}`)}
          label={`${JUSTIFIED_HEADING_LABELS[heading]}说明`}
        >
          <Input.TextArea
            id={fieldId(`budgetTable.justifications.${heading}`)}
            value={table?.justifications?.[heading] ?? ''}
            maxLength={3000}
            showCount
            autoSize={{ minRows: 2, maxRows: 8 }}
            onChange={(e) =>
              setTable((t) => {
                const base = t ?? { whole: emptyColumn() };
                return {
                  ...base,
                  justifications: { ...base.justifications, [heading]: textOrUndefined(e.target.value) },
                };
              })
            }
          />
        </Form.Item>
      ))}
    </div>
  );
}
