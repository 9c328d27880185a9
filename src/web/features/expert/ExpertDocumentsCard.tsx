import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { formatMb } from '../../../core/file-size.js';
import { DOCUMENT_KIND_LABELS } from '../../../core/labels.js';
import { PageState } from '../../shared/PageState.js';
import { expertDocumentFileUrl, expertQueries, type ExpertDocumentView } from './api.js';

/** The attachments the call lets experts open beside the 申报书 (agreements, proofs), by kind and caption. */
export function ExpertDocumentsCard({ assignmentId }: { assignmentId: string }) {
  const query = useQuery(expertQueries.documents(assignmentId));
  return (
    <Card title="可查看的附件" data-testid="expert-documents">
      <PageState query={query}>
        {(documents) => (
          <Table<ExpertDocumentView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={documents}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '没有可供专家查看的附件' }}
            columns={[
              {
                title: '附件',
                key: 'kind',
                render: (_, d) => `${DOCUMENT_KIND_LABELS[d.kind]}${d.caption ? `：${d.caption}` : ''}`,
              },
              { title: '大小', key: 'size', render: (_, d) => formatMb(d.size) },
              {
                title: '操作',
                key: 'download',
                render: (_, d) => (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={expertDocumentFileUrl(assignmentId, d.id)}
                    aria-label={`下载${DOCUMENT_KIND_LABELS[d.kind]}`}
                  >
                    下载
                  </Button>
                ),
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
