import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { DOCUMENT_KIND_LABELS } from '../../../core/labels.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { reviewQueries, type ChangesView } from './api.js';

type FieldChange = ChangesView['form'][number];

/** 修改情况: what the applicant changed between its last two submissions, after a return. */
export function ChangesCard({ applicationId }: { applicationId: string }) {
  const query = useQuery(reviewQueries.changes(applicationId));
  return <PageState query={query}>{changesCard}</PageState>;
}

function changesCard(changes: ChangesView) {
  // Before a second submission there is nothing to compare.
  if (changes.previous === null) return null;
  const { added, removed, replaced } = changes.documents;
  const documentsChanged = added.length + removed.length + replaced.length > 0;

  return (
    <Card
      size="small"
      title="重新提交后的修改"
      data-testid="changes"
      extra={
        <Typography.Text type="secondary">
          {beijingTime(changes.previous)} → {changes.current && beijingTime(changes.current)}
        </Typography.Text>
      }
    >
      {changes.form.length === 0 && !documentsChanged && <Empty description="两次提交内容相同" />}
      {changes.form.length > 0 && (
        <Table<FieldChange>
          size="small"
          rowKey="path"
          pagination={false}
          dataSource={changes.form}
          columns={[
            { title: '字段', dataIndex: 'label', width: 200 },
            {
              title: '修改前',
              key: 'before',
              render: (_, c) => <del style={{ color: '#a8071a', whiteSpace: 'pre-wrap' }}>{c.before}</del>,
            },
            {
              title: '修改后',
              key: 'after',
              render: (_, c) => (
                <ins style={{ color: '#237804', textDecoration: 'none', whiteSpace: 'pre-wrap' }}>
                  {c.after}
                </ins>
              ),
            },
          ]}
        />
      )}
      {documentsChanged && (
        <Space orientation="vertical" size={4} style={{ marginTop: 12 }} data-testid="document-changes">
          {added.map((d) => (
            <div key={`a-${d.id}`}>
              <Tag color="green">新增</Tag>
              {DOCUMENT_KIND_LABELS[d.kind]} {d.fileName}
            </div>
          ))}
          {removed.map((d) => (
            <div key={`r-${d.id}`}>
              <Tag color="red">删除</Tag>
              {DOCUMENT_KIND_LABELS[d.kind]} {d.fileName}
            </div>
          ))}
          {replaced.map((r) => (
            <div key={`p-${r.after.id}`}>
              <Tag color="blue">{r.fileChanged ? '替换文件' : '修改信息'}</Tag>
              {DOCUMENT_KIND_LABELS[r.after.kind]} {r.before.fileName}
              {r.fileChanged && ` → ${r.after.fileName}`}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
