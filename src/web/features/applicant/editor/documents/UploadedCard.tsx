import { DeleteOutlined, DownloadOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, List, Modal, Popconfirm, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { DOCUMENT_KIND_LABELS } from '../../../../../core/labels.js';
import type { RequirementsDto } from '../../../../../contract/calls.js';
import type { DocumentView } from '../../../../../contract/documents.js';
import { beijingTime } from '../../../../shared/format.js';
import { formatMb } from '../../../../../core/file-size.js';
import type { PartyChoice } from './DocumentModal.js';

/** Each kind's completeness questions; none until the call's requirements are loaded. */
type Questions = RequirementsDto['questions'];

/** Earlier versions of `doc`, newest first, following `replacedBy` back. */
function versionsOf(doc: DocumentView, all: DocumentView[]): DocumentView[] {
  const chain = [doc];
  for (let current = doc; ;) {
    const previous = all.find((d) => d.replacedBy === current.id);
    if (!previous) return chain;
    chain.push(previous);
    current = previous;
  }
}

function Fingerprint({ sha256 }: { sha256: string }) {
  return (
    <Typography.Text
      className="mono"
      style={{ fontSize: 12 }}
      copyable={{ text: sha256, tooltips: ['复制指纹', '已复制'] }}
    >
      {sha256}
    </Typography.Text>
  );
}

function DocumentDescription({
  doc,
  partyChoices,
  questions,
}: {
  doc: DocumentView;
  partyChoices: PartyChoice[];
  questions: Questions;
}) {
  const m = doc.metadata;
  const asked = questions.find((q) => q.kind === doc.kind)?.flags ?? [];
  const missing = asked.filter(({ flag }) => !m.complete[flag]);
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <span>
        SHA-256：
        <span data-sha256={doc.sha256}>
          <Fingerprint sha256={doc.sha256} />
        </span>
      </span>
      <span>
        签署方：
        {m.parties.length > 0
          ? m.parties.map((p) => partyChoices.find((c) => c.value === p)?.label ?? p).join('；')
          : '（未填写）'}
      </span>
      <span>
        签署日期 {m.signedOn ?? '—'} · 有效期至 {m.validUntil ?? '—'} ·{' '}
        {m.language === 'zh' ? '中文' : m.chineseTranslation ? '外文（附中文译本）' : '外文（缺中文译本）'}
        {asked.length > 0 && ' · '}
        {asked.length > 0 &&
          (missing.length === 0 ? (
            <Typography.Text type="success">要素齐全</Typography.Text>
          ) : (
            <Typography.Text type="warning">未勾选：{missing.map((f) => f.label).join('、')}</Typography.Text>
          ))}
      </span>
      <span>
        {beijingTime(doc.uploadedAt)} 由 {doc.uploadedBy.displayName} 上传
      </span>
    </Space>
  );
}

function VersionHistory({
  of,
  all,
  onClose,
}: {
  of: DocumentView | null;
  all: DocumentView[];
  onClose(): void;
}) {
  return (
    <Modal
      title={of ? `版本历史：${DOCUMENT_KIND_LABELS[of.kind]}` : ''}
      open={of !== null}
      onCancel={onClose}
      footer={null}
      width={760}
    >
      {of && (
        <List
          dataSource={versionsOf(of, all)}
          renderItem={(version, index) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    <a href={`/api/documents/${version.id}/file`} download={version.fileName}>
                      {version.fileName}
                    </a>
                    {index === 0 && !version.supersededAt ? (
                      <Tag color="green">当前版本</Tag>
                    ) : (
                      <Tag>历史版本</Tag>
                    )}
                  </Space>
                }
                description={
                  <>
                    <div>
                      {beijingTime(version.uploadedAt)} · {version.uploadedBy.displayName} ·{' '}
                      {formatMb(version.size)}
                    </div>
                    <Fingerprint sha256={version.sha256} />
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}

/** 已上传的附件: the current documents (or every version), each with its fingerprint, parties and items. */
export function UploadedCard({
  all,
  partyChoices,
  questions,
  readOnly,
  onEdit,
  onRemove,
}: {
  /** Every version, superseded ones included. */
  all: DocumentView[];
  partyChoices: PartyChoice[];
  questions: Questions;
  readOnly: boolean;
  onEdit(doc: DocumentView): void;
  onRemove(doc: DocumentView): void;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const [historyOf, setHistoryOf] = useState<DocumentView | null>(null);
  const rows = showHistory ? all : all.filter((d) => d.supersededAt === null);

  return (
    <Card
      size="small"
      title="已上传的附件"
      extra={
        <Space>
          <span id="show-history-label">显示历史版本</span>
          <Switch
            size="small"
            aria-labelledby="show-history-label"
            checked={showHistory}
            onChange={setShowHistory}
          />
        </Space>
      }
    >
      <List<DocumentView>
        dataSource={rows}
        locale={{ emptyText: '尚未上传附件' }}
        renderItem={(doc) => (
          <List.Item
            data-document={doc.id}
            actions={[
              <Tooltip key="history" title="版本历史">
                <Button
                  size="small"
                  type="text"
                  icon={<HistoryOutlined />}
                  onClick={() => setHistoryOf(doc)}
                />
              </Tooltip>,
              ...(!readOnly && !doc.supersededAt
                ? [
                    <Tooltip key="edit" title="修改信息或替换文件">
                      <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(doc)} />
                    </Tooltip>,
                    <Popconfirm
                      key="delete"
                      title="删除这份附件？"
                      description="删除后仍保留在历史版本中"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => onRemove(doc)}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <Tag color="blue">
                    {DOCUMENT_KIND_LABELS[doc.kind]}
                    {doc.metadata.caption ? `：${doc.metadata.caption}` : ''}
                  </Tag>
                  <a href={`/api/documents/${doc.id}/file`} download={doc.fileName}>
                    <DownloadOutlined /> {doc.fileName}
                  </a>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {formatMb(doc.size)}
                  </Typography.Text>
                  {doc.supersededAt && (doc.replacedBy ? <Tag>已被替换</Tag> : <Tag>已删除</Tag>)}
                </Space>
              }
              description={
                <DocumentDescription doc={doc} partyChoices={partyChoices} questions={questions} />
              }
            />
          </List.Item>
        )}
      />
      <VersionHistory of={historyOf} all={all} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
