import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { beijingTime } from '../../../../shared/format.js';
import { PageState } from '../../../../shared/PageState.js';
import { CALL_CHANGE_LABELS, type CallChangeLine, type CallVersionDto, callAdminQueries } from '../api.js';

// What changed between two versions, in the server's words: the field's Chinese label and both values as text.

export function ChangeList({ changes }: { changes: CallChangeLine[] }) {
  return (
    <Table<CallChangeLine>
      data-testid="call-changes"
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={changes}
      locale={{ emptyText: '没有改动' }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: '参数',
          render: (_, c) => (
            <>
              {c.label} {c.clause && <Tag>{c.clause}</Tag>}
            </>
          ),
        },
        {
          title: '原值',
          render: (_, c) => <Typography.Text delete>{c.before ?? '（无）'}</Typography.Text>,
        },
        { title: '新值', render: (_, c) => <Typography.Text mark>{c.after ?? '（无）'}</Typography.Text> },
      ]}
    />
  );
}

function VersionDiff({ callId, version }: { callId: string; version: number }) {
  const diff = useQuery(callAdminQueries.diff(callId, version));
  return <PageState query={diff}>{(d) => <ChangeList changes={d.changes} />}</PageState>;
}

/** Every version of the call, who saved it, when and why; each opens its changes against the one before. */
export function VersionsPanel({ callId }: { callId: string }) {
  const versions = useQuery(callAdminQueries.versions(callId));
  return (
    <PageState query={versions}>
      {(list) => (
        <Table<CallVersionDto>
          data-testid="call-editor-versions"
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={[...list].reverse()}
          locale={{ emptyText: '尚无修改' }}
          expandable={{
            expandRowByClick: true,
            rowExpandable: (v) => v.version > 1,
            expandedRowRender: (v) => <VersionDiff callId={callId} version={v.version} />,
          }}
          columns={[
            { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
            {
              title: '修改',
              render: (_, v) => (
                <>
                  {CALL_CHANGE_LABELS[v.change]}
                  <br />
                  <Typography.Text type="secondary">
                    {v.actor?.name ?? '系统'} · {beijingTime(v.at)}
                  </Typography.Text>
                </>
              ),
            },
          ]}
        />
      )}
    </PageState>
  );
}
