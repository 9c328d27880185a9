import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { COMPLETENESS_LABELS, DOCUMENT_KIND_LABELS } from '../../../core/labels.js';
import { formatMb } from '../../../core/file-size.js';
import { documentFileUrl, type DocumentView } from './api.js';
import { PdfPreview } from './PdfPreview.js';

export function DocumentsCard({ documents }: { documents: DocumentView[] }) {
  const [previewing, setPreviewing] = useState<DocumentView>();
  const current = documents.filter((d) => d.supersededAt === null);
  return (
    <Card size="small" title={`附件材料（${current.length} 份）`} data-testid="documents">
      <Table<DocumentView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={current}
        locale={{ emptyText: '未上传附件' }}
        columns={[
          {
            title: '类型 / 文件',
            key: 'file',
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{DOCUMENT_KIND_LABELS[d.kind]}</Typography.Text>
                <span>
                  {d.fileName} <Typography.Text type="secondary">{formatMb(d.size)}</Typography.Text>
                </span>
              </Space>
            ),
          },
          {
            title: '签署 / 完整性',
            key: 'meta',
            render: (_, d) => (
              <Space orientation="vertical" size={2}>
                <span>
                  {d.metadata.signedOn ? `签署 ${d.metadata.signedOn}` : '未注明签署日期'}
                  {d.metadata.validUntil && `，有效期至 ${d.metadata.validUntil}`}
                </span>
                <Space size={[2, 2]} wrap>
                  {Object.entries(COMPLETENESS_LABELS).map(([flag, label]) => (
                    <Tag
                      key={flag}
                      color={
                        d.metadata.complete[flag as keyof typeof COMPLETENESS_LABELS] ? 'green' : 'default'
                      }
                    >
                      {label}
                    </Tag>
                  ))}
                </Space>
              </Space>
            ),
          },
          {
            title: 'SHA-256 指纹',
            key: 'sha256',
            width: 220,
            render: (_, d) => (
              <Typography.Text className="mono" style={{ fontSize: 11 }} data-sha256={d.sha256} copyable>
                {d.sha256}
              </Typography.Text>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 180,
            render: (_, d) => (
              <Space>
                <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewing(d)}>
                  查看
                </Button>
                <Button size="small" icon={<DownloadOutlined />} href={documentFileUrl(d.id)}>
                  下载
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {previewing && <PdfPreview document={previewing} onClose={() => setPreviewing(undefined)} />}
    </Card>
  );
}
