import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryDto, AuditPageDto, AuditVerdictDto } from '../../../../contract/audit.js';
import { api, describeError, query } from '../../../shared/api.js';
import { beijingTime, ROLE_LABELS } from '../../../shared/format.js';

// 审计日志: newest first, filtered, a page at a time by seq; each entry's before → after as a diff of its fields;
// and the server's walk of the whole hash chain.

interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ENTITY_TYPES = [
  ['application', '申报书'],
  ['call', '申报计划'],
  ['department', '主管部门'],
] as const;

function auditQuery(filters: Filters, beforeSeq?: number): string {
  const [from, to] = filters.range ?? [];
  return query({
    action: filters.action?.trim(),
    entityType: filters.entityType?.trim(),
    entityId: filters.entityId?.trim(),
    actor: filters.actor?.trim(),
    from: from?.format('YYYY-MM-DD'),
    to: to?.format('YYYY-MM-DD'),
    beforeSeq: beforeSeq || undefined,
  });
}

const shown = (value: unknown) =>
  value === undefined ? '（无）' : typeof value === 'string' ? value : JSON.stringify(value);

/** The fields an entry changed, before → after; fields it left as they were are counted, not listed. */
export function AuditDiff({ entry }: { entry: Pick<AuditEntryDto, 'before' | 'after'> }) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => shown(before[k]) !== shown(after[k]));
  const same = keys.length - changed.length;
  return (
    <Space orientation="vertical" size={2} data-testid="audit-diff">
      {entry.before === null && <Tag color="blue">新建</Tag>}
      {changed.map((key) => (
        <span key={key}>
          <Typography.Text code>{key}</Typography.Text>{' '}
          {entry.before !== null && (
            <>
              <Typography.Text delete type="secondary">
                {shown(before[key])}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text mark>{shown(after[key])}</Typography.Text>
        </span>
      ))}
      {same > 0 && entry.before !== null && (
        <Typography.Text type="secondary">其余 {same} 项未变</Typography.Text>
      )}
    </Space>
  );
}

export function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [entries, setEntries] = useState<AuditEntryDto[]>();
  const [next, setNext] = useState<number | null>(null);
  const [failure, setFailure] = useState<string>();
  const [verdict, setVerdict] = useState<AuditVerdictDto>();
  const [verifying, setVerifying] = useState(false);

  const load = useCallback((current: Filters, beforeSeq?: number) => {
    setFailure(undefined);
    api<AuditPageDto>(`/province/audit${auditQuery(current, beforeSeq)}`).then(
      (page) => {
        setEntries((shownSoFar) => (beforeSeq ? [...(shownSoFar ?? []), ...page.entries] : page.entries));
        setNext(page.nextBeforeSeq);
      },
      (e: unknown) => setFailure(describeError(e)),
    );
  }, []);
  useEffect(() => load(filters), [filters, load]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await api<AuditVerdictDto>('/province/audit/verify'));
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setVerifying(false);
    }
  };

  const filterBy = (patch: Filters) => {
    form.setFieldsValue(patch);
    setFilters({ ...form.getFieldsValue(), ...patch });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
          校验哈希链
        </Button>
      </Space>
      {verdict &&
        (verdict.intact ? (
          <Alert
            type="success"
            showIcon
            data-testid="audit-verdict"
            title={`审计日志完整：${verdict.entries} 条记录`}
            description={`链尾哈希 ${verdict.headHash}`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="audit-verdict"
            title={`审计日志在第 ${verdict.brokenAt} 条记录处断开`}
            description={`${verdict.reason}（此前 ${verdict.entries} 条完整）`}
          />
        ))}
      {failure && <Alert type="error" showIcon title={failure} />}
      <Card>
        <Form form={form} layout="inline" onFinish={(values) => setFilters(values)} style={{ rowGap: 8 }}>
          <Form.Item name="action" label="操作">
            <Input allowClear placeholder="如 application.submitted" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="entityType" label="对象">
            <Select
              allowClear
              style={{ width: 130 }}
              options={ENTITY_TYPES.map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="entityId" label="对象编号">
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="actor" label="操作人编号">
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range" label="日期（北京时间）">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                筛选
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                清除
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table<AuditEntryDto>
        data-testid="audit-table"
        loading={!entries && !failure}
        rowKey="seq"
        size="small"
        dataSource={entries}
        pagination={false}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '时间', width: 170, render: (_, e) => beijingTime(e.at) },
          {
            title: '操作人',
            width: 200,
            render: (_, e) =>
              e.actor ? (
                <Typography.Link onClick={() => filterBy({ actor: e.actor!.id })}>
                  {e.actor.name ?? '（已删除的用户）'}
                  {e.actor.role && `（${e.actor.scope ?? ROLE_LABELS[e.actor.role]}）`}
                </Typography.Link>
              ) : (
                '系统'
              ),
          },
          {
            title: '操作',
            width: 220,
            render: (_, e) => (
              <Typography.Link onClick={() => filterBy({ action: e.action })}>{e.action}</Typography.Link>
            ),
          },
          {
            title: '对象',
            width: 240,
            render: (_, e) => (
              <Typography.Link onClick={() => filterBy({ entityType: e.entityType, entityId: e.entityId })}>
                {ENTITY_TYPES.find(([type]) => type === e.entityType)?.[1] ?? e.entityType} {e.entityId}
              </Typography.Link>
            ),
          },
          { title: '改前 → 改后', render: (_, e) => <AuditDiff entry={e} /> },
        ]}
        footer={() =>
          next ? (
            <Button onClick={() => load(filters, next)}>加载更早的记录</Button>
          ) : (
            <Typography.Text type="secondary">没有更早的记录了</Typography.Text>
          )
        }
      />
    </Space>
  );
}
