import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  HistoryOutlined,
  PrinterOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  List,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { COMPLETENESS_FLAGS, type DocumentKind } from '../../../../../core/bundle/schema.js';
import { COMPLETENESS_LABELS, DOCUMENT_KIND_LABELS } from '../../../../../core/labels.js';
import type { DocumentView } from '../../../../../contract/documents.js';
import { api, describeError } from '../../../../shared/api.js';
import { beijingTime, fileSize } from '../../../../shared/format.js';
import { fieldId } from '../fields.js';
import type { StepProps } from '../steps/common.js';
import { DocumentModal, type DocumentModalTarget, type PartyChoice } from './DocumentModal.js';

interface Requirement {
  key: string;
  title: string;
  detail: string;
  /** Kinds that satisfy it (the first is offered for upload). */
  kinds: DocumentKind[];
  /** Who must have signed, besides the applicant. */
  party?: string;
  required: boolean;
}

function requirements(
  { draft, application }: Pick<StepProps, 'draft' | 'application'>,
  partnerName: string | undefined,
): Requirement[] {
  const list: Requirement[] = [];
  const cooperation = draft.topic >= 2;
  if (cooperation) {
    list.push({
      key: 'partner',
      title: `与主要境外合作机构${partnerName ? `“${partnerName}”` : ''}签署的合作协议或合作意向书`,
      detail:
        '〔二、2〕境内外合作双方机构须就合作项目已签署合作协议或合作意向书；外文文件须同时提供中文翻译件',
      kinds: ['cooperation-agreement', 'letter-of-intent'],
      ...(partnerName ? { party: partnerName } : {}),
      required: true,
    });
  }
  (draft.form.domesticPartners ?? []).forEach((p, i) => {
    if (!p.creditCode) return;
    list.push({
      key: `domestic-${i}`,
      title: `与境内合作单位“${p.name || p.creditCode}”签署的合作协议或合作意向书`,
      detail: '〔二、2〕如有境内合作单位，申报单位也须与境内合作单位签署合作协议或合作意向书',
      kinds: ['domestic-agreement', 'domestic-letter-of-intent'],
      party: p.creditCode,
      required: cooperation,
    });
  });
  if (draft.topic === 2) {
    list.push({
      key: 'joint-lab',
      title: '共建联合实验室/联合研究中心合作文件',
      detail:
        '〔二、2〕签署日期须早于本通知发布日期（2026年3月30日），须在有效期内，签署双方须为独立法人单位',
      kinds: ['joint-lab-agreement'],
      ...(partnerName ? { party: partnerName } : {}),
      required: true,
    });
  }
  if (draft.topic === 1 && draft.direction !== 'big-science') {
    list.push({
      key: 'platform',
      title: '平台设立的证明文件',
      detail: '〔二、2〕科技创新合作平台建设项目须提供平台设立的证明文件',
      kinds: ['platform-proof'],
      required: true,
    });
  }
  list.push(
    {
      key: 'unit',
      title: DOCUMENT_KIND_LABELS['integrity-commitment-unit'],
      detail: '〔二、4〕打印系统生成的承诺书，法定代表人签字、单位盖章后扫描上传',
      kinds: ['integrity-commitment-unit'],
      required: true,
    },
    {
      key: 'pi',
      title: DOCUMENT_KIND_LABELS['integrity-commitment-pi'],
      detail: `〔二、4〕打印系统生成的承诺书，由项目负责人${application.pi.name}签字后扫描上传`,
      kinds: ['integrity-commitment-pi'],
      required: true,
    },
    {
      key: 'application-form',
      title: DOCUMENT_KIND_LABELS['application-form'],
      detail: '〔三、1〕按要求完成签字盖章手续，扫描形成 PDF 上传',
      kinds: ['application-form'],
      required: false,
    },
    {
      key: 'info-form',
      title: DOCUMENT_KIND_LABELS['info-form'],
      detail: '〔三、1〕按要求完成签字盖章手续，扫描形成 PDF 上传',
      kinds: ['info-form'],
      required: false,
    },
  );
  return list;
}

function satisfies(requirement: Requirement, doc: DocumentView, applicantId: string): boolean {
  if (!requirement.kinds.includes(doc.kind)) return false;
  if (!requirement.party) return true;
  return doc.metadata.parties.includes(applicantId) && doc.metadata.parties.includes(requirement.party);
}

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

export function DocumentsStep({
  draft,
  application,
  readOnly,
  onChanged,
}: StepProps & { onChanged(): void }) {
  const { message } = App.useApp();
  const [all, setAll] = useState<DocumentView[]>();
  const [error, setError] = useState<string>();
  const [showHistory, setShowHistory] = useState(false);
  const [target, setTarget] = useState<DocumentModalTarget | null>(null);
  const [historyOf, setHistoryOf] = useState<DocumentView | null>(null);
  const applicantId = application.organization.id;
  const partnerName = draft.form.partner?.name?.trim() || undefined;

  const load = useCallback(() => {
    api<{ documents: DocumentView[] }>(`/applications/${application.id}/documents?history=1`).then(
      (r) => {
        setAll(r.documents);
        setError(undefined);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [application.id]);
  useEffect(load, [load]);

  const current = useMemo(() => (all ?? []).filter((d) => d.supersededAt === null), [all]);
  const needs = requirements({ draft, application }, partnerName);

  const partyChoices: PartyChoice[] = [
    { value: applicantId, label: `申报单位：${application.organization.name}` },
    ...(partnerName ? [{ value: partnerName, label: `境外合作机构：${partnerName}` }] : []),
    ...(draft.form.domesticPartners ?? [])
      .filter((p) => p.creditCode)
      .map((p) => ({ value: p.creditCode!, label: `境内合作单位：${p.name ?? ''}（${p.creditCode}）` })),
  ];

  const changed = (verb: string) => {
    message.success(verb);
    load();
    onChanged();
  };

  const remove = async (doc: DocumentView) => {
    try {
      await api(`/applications/${application.id}/documents/${doc.id}`, { method: 'DELETE' });
      changed(`已删除：${doc.fileName}`);
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const rows = showHistory ? (all ?? []) : current;

  return (
    <div id={fieldId('documents')}>
      <Alert
        type="info"
        showIcon
        icon={<PrinterOutlined />}
        style={{ marginBottom: 16 }}
        title="科研诚信承诺书〔二、4〕"
        description={
          <span>
            系统已按本申报书生成承诺书：
            <Link to={`/applications/${application.id}/commitments/unit`} target="_blank">
              项目申报单位科研诚信承诺书
            </Link>
            、
            <Link to={`/applications/${application.id}/commitments/pi`} target="_blank">
              项目负责人科研诚信承诺书
            </Link>
            。请打印、签字（盖章）后扫描为 PDF，分别以“{DOCUMENT_KIND_LABELS['integrity-commitment-unit']}”“
            {DOCUMENT_KIND_LABELS['integrity-commitment-pi']}”类型上传。
          </span>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}

      <Card size="small" title="材料清单" style={{ marginBottom: 16 }}>
        <List
          dataSource={needs}
          renderItem={(need) => {
            const docs = current.filter((d) => satisfies(need, d, applicantId));
            return (
              <List.Item
                data-requirement={need.key}
                actions={
                  readOnly
                    ? []
                    : [
                        <Button
                          key="upload"
                          size="small"
                          icon={<UploadOutlined />}
                          onClick={() =>
                            setTarget({
                              mode: 'upload',
                              kind: need.kinds[0]!,
                              parties:
                                need.key === 'pi' ? [] : [applicantId, ...(need.party ? [need.party] : [])],
                            })
                          }
                        >
                          上传
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{need.title}</span>
                      {need.required ? <Tag color="red">必需</Tag> : <Tag>应传尽传</Tag>}
                      {docs.length > 0 ? (
                        <Tag color="success">已上传 {docs.length} 份</Tag>
                      ) : (
                        <Tag color={need.required ? 'error' : 'default'}>未上传</Tag>
                      )}
                    </Space>
                  }
                  description={need.detail}
                />
              </List.Item>
            );
          }}
        />
      </Card>

      <Card
        size="small"
        title="已上传的附件"
        extra={
          <Space>
            <span>显示历史版本</span>
            <Switch size="small" checked={showHistory} onChange={setShowHistory} />
          </Space>
        }
      >
        <List<DocumentView>
          loading={all === undefined && !error}
          dataSource={rows}
          locale={{ emptyText: '尚未上传附件' }}
          renderItem={(doc) => {
            const m = doc.metadata;
            const missing = COMPLETENESS_FLAGS.filter((f) => !m.complete[f]);
            return (
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
                          <Button
                            size="small"
                            type="text"
                            icon={<EditOutlined />}
                            onClick={() => setTarget({ mode: 'edit', document: doc })}
                          />
                        </Tooltip>,
                        <Popconfirm
                          key="delete"
                          title="删除这份附件？"
                          description="删除后仍保留在历史版本中"
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() => remove(doc)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label="删除"
                          />
                        </Popconfirm>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      <Tag color="blue">{DOCUMENT_KIND_LABELS[doc.kind]}</Tag>
                      <a href={`/api/documents/${doc.id}/file`} download={doc.fileName}>
                        <DownloadOutlined /> {doc.fileName}
                      </a>
                      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                        {fileSize(doc.size)}
                      </Typography.Text>
                      {doc.supersededAt && (doc.replacedBy ? <Tag>已被替换</Tag> : <Tag>已删除</Tag>)}
                    </Space>
                  }
                  description={
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
                          ? m.parties
                              .map((p) => partyChoices.find((c) => c.value === p)?.label ?? p)
                              .join('；')
                          : '（未填写）'}
                      </span>
                      <span>
                        签署日期 {m.signedOn ?? '—'} · 有效期至 {m.validUntil ?? '—'} ·{' '}
                        {m.language === 'zh'
                          ? '中文'
                          : m.chineseTranslation
                            ? '外文（附中文译本）'
                            : '外文（缺中文译本）'}
                        {' · '}
                        {missing.length === 0 ? (
                          <Typography.Text type="success">要素齐全</Typography.Text>
                        ) : (
                          <Typography.Text type="warning">
                            未勾选：{missing.map((f) => COMPLETENESS_LABELS[f]).join('、')}
                          </Typography.Text>
                        )}
                      </span>
                      <span>
                        {beijingTime(doc.uploadedAt)} 由 {doc.uploadedBy.displayName} 上传
                      </span>
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>

      <DocumentModal
        applicationId={application.id}
        target={target}
        partyChoices={partyChoices}
        onClose={() => setTarget(null)}
        onSaved={(doc) => {
          setTarget(null);
          changed(`已保存：${doc.fileName}`);
        }}
      />
      <Modal
        title={historyOf ? `版本历史：${DOCUMENT_KIND_LABELS[historyOf.kind]}` : ''}
        open={historyOf !== null}
        onCancel={() => setHistoryOf(null)}
        footer={null}
        width={760}
      >
        {historyOf && (
          <List
            dataSource={versionsOf(historyOf, all ?? [])}
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
                        {fileSize(version.size)}
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
    </div>
  );
}
