import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { parameterLabel } from '../../../../../core/calls/diff.js';
import { type CallDocument, parseCallDocument } from '../../../../../core/calls/schema.js';
import { ApiError, describeError, type FieldErrorView } from '../../../../shared/api.js';
import { beijingTime } from '../../../../shared/format.js';
import { PageState } from '../../../../shared/PageState.js';
import { useDebouncedValue } from '../../../../shared/useDebouncedValue.js';
import {
  CALL_STATUS_LABELS,
  type CallDocumentResponse,
  type CallPreviewResponse,
  callAdminApi,
  callAdminQueries,
  readCallsAgain,
} from '../api.js';
import { ChangeList, VersionsPanel } from './Changes.js';
import { documentOf, drafts, namePathOf, pathKey } from './document.js';
import { EditorContext } from './fields.js';
import { RulesUsed } from './RulesUsed.js';
import {
  BasicsTab,
  ContactsTab,
  ContentTab,
  DocumentsTab,
  LimitsTab,
  ReviewTab,
  TopicsTab,
} from './sections.js';

// The province's call editor: every parameter of the call as a form, saved as a numbered version. What is typed
// is kept in the browser until it is saved, a stale save (409) never throws it away, and a change to an open
// call in use is previewed against every application before it is saved.

const TABS = [
  ['basics', '基本信息', ['id', 'name', 'notice', 'deadlines', 'applicant', 'partnerBars', 'homeCountry']],
  ['topics', '专题', ['topics']],
  [
    'documents',
    '材料与承诺',
    ['documents', 'commitments', 'integrity', 'classifiedRefused', 'largeInstruments'],
  ],
  ['limits', '限项与名额', ['limits', 'quotas', 'separateSlots']],
  ['content', '内容与纸质材料', ['content', 'paper']],
  ['review', '评审与立项', ['review', 'award', 'releasedFeedback']],
  ['contacts', '联系人', ['contacts']],
] as const;

const tabOf = (path: string) => {
  const [head] = namePathOf(path);
  return TABS.find(([, , heads]) => (heads as readonly (string | number)[]).includes(head!))?.[0] ?? 'basics';
};

export function CallEditorPage() {
  const { id = '' } = useParams();
  const loaded = useQuery(callAdminQueries.document(id));
  return <PageState query={loaded}>{(call) => <Editor key={call.id} call={call} />}</PageState>;
}

type Problem = FieldErrorView;

function Editor({ call }: { call: CallDocumentResponse }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CallDocument>();
  // What the form was last filled with, and the version a save is based on (they part after a 409 kept ours).
  const [session, setSession] = useState<{ n: number; document: CallDocument; baseVersion: number }>({
    n: 0,
    document: call.document,
    baseVersion: call.version,
  });
  const [tab, setTab] = useState('basics');
  const narrow = Grid.useBreakpoint().md === false;
  const [topic, setTopic] = useState('1');
  const [attempted, setAttempted] = useState(false);
  const [serverProblems, setServerProblems] = useState<{ problems: Problem[]; values: string }>();
  const [saving, setSaving] = useState<{ document: CallDocument; preview?: CallPreviewResponse }>();
  const [draft, setDraft] = useState(() => {
    const kept = drafts.read(localStorage, call.id);
    return kept && JSON.stringify(kept.document) !== JSON.stringify(call.document) ? kept : undefined;
  });

  const watched = Form.useWatch((all: CallDocument) => all, { form, preserve: true });
  // Empty until the form has taken its initial values.
  const values = watched && 'format' in watched ? watched : undefined;
  const typed = useMemo(() => (values ? JSON.stringify(documentOf(values)) : undefined), [values]);
  const settled = useDebouncedValue(typed, 400);

  useEffect(() => {
    form.resetFields();
  }, [form, session.n]);

  useEffect(() => {
    if (settled === undefined || call.readOnly) return;
    if (settled === JSON.stringify(session.document)) drafts.clear(localStorage, call.id);
    else
      drafts.write(localStorage, call.id, {
        baseVersion: session.baseVersion,
        document: JSON.parse(settled) as CallDocument,
        at: new Date().toISOString(),
      });
  }, [settled, session, call.id, call.readOnly]);

  // The schema the server judges by, run here too so an impossible value is named before anything is sent.
  const problems = useMemo(() => {
    const own = attempted && values ? parseCallDocument(documentOf(values)) : { ok: true as const };
    const server = serverProblems && serverProblems.values === typed ? serverProblems.problems : [];
    const all = [...(own.ok ? [] : own.problems), ...server];
    return [...new Map(all.map((p) => [`${p.path}\n${p.message}`, p])).values()];
  }, [attempted, values, serverProblems, typed]);
  const problemAt = useMemo(
    () => new Map(problems.map((p) => [pathKey(namePathOf(p.path)), p.message])),
    [problems],
  );

  const restart = (document: CallDocument, baseVersion: number) => {
    setSession((s) => ({ n: s.n + 1, document, baseVersion }));
    setServerProblems(undefined);
    setAttempted(false);
  };

  /** Opens the tab that holds the problem's field (or the nearest part that has a control) and scrolls to it. */
  const show = (path: string) => {
    let at = namePathOf(path);
    while (at.length > 1 && !window.document.getElementById(at.join('_'))) at = at.slice(0, -1);
    setTab(tabOf(path));
    if (at[0] === 'topics' && at[1] !== undefined) setTopic(String(at[1]));
    window.setTimeout(() => form.scrollToField(at, { block: 'center' }), 50);
  };

  const preview = useMutation({
    mutationFn: (document: CallDocument) => callAdminApi.preview(call.id, document),
    onSuccess: (p, document) => setSaving({ document, preview: p }),
    onError: (e) => refused(e),
  });

  const refused = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CALL_VERSION_CONFLICT') {
      setSaving(undefined);
      conflict();
    } else if (e instanceof ApiError && e.fields.length > 0) {
      setSaving(undefined);
      setServerProblems({ problems: e.fields, values: typed ?? '' });
      void message.error(`${e.message}：共 ${e.fields.length} 处，请按下方列表修改`);
    } else void message.error(describeError(e));
  };

  const conflict = () => {
    const latest = () => queryClient.fetchQuery({ ...callAdminQueries.document(call.id), staleTime: 0 });
    modal.confirm({
      title: '其他人已保存了新的版本',
      content:
        '在您编辑期间，本计划已被他人保存为新版本，因此您的保存没有生效。您输入的内容没有丢失，仍在本页，并保存在本机草稿中。',
      okText: '在新版本上保留我的修改',
      cancelText: '放弃我的修改，载入新版本',
      onOk: async () => {
        const now = await latest();
        setSession((s) => ({ ...s, baseVersion: now.version }));
        void message.info(
          `已基于第 ${now.version} 版保留您的修改，请核对后再次保存（可在“版本记录”查看他人的改动）`,
        );
      },
      onCancel: async () => {
        const now = await latest();
        drafts.clear(localStorage, call.id);
        restart(now.document, now.version);
      },
    });
  };

  const save = useMutation({
    mutationFn: (comment: string) =>
      callAdminApi.saveDocument(call.id, {
        baseVersion: session.baseVersion,
        document: saving!.document,
        comment,
      }),
    onSuccess: async (saved) => {
      setSaving(undefined);
      drafts.clear(localStorage, call.id);
      restart(saved.document, saved.version);
      queryClient.setQueryData(callAdminQueries.document(call.id).queryKey, saved);
      void message.success(`已保存为第 ${saved.version} 版`);
      await readCallsAgain(queryClient);
    },
    onError: refused,
  });

  const startSave = () => {
    setAttempted(true);
    const document = documentOf(form.getFieldsValue(true));
    const checked = parseCallDocument(document);
    if (!checked.ok) {
      void message.error(`有 ${checked.problems.length} 处需要修改，请按页面上方的列表逐项修改`);
      return;
    }
    if (call.inUse && call.status === 'open') preview.mutate(document);
    else setSaving({ document });
  };

  const tabs = [
    ...TABS.map(([key, label]) => ({
      key,
      label,
      forceRender: true,
      children: {
        basics: <BasicsTab />,
        topics: <TopicsTab document={session.document} active={topic} onChange={setTopic} />,
        documents: <DocumentsTab />,
        limits: <LimitsTab />,
        content: <ContentTab />,
        review: <ReviewTab />,
        contacts: <ContactsTab />,
      }[key],
    })),
    { key: 'rules', label: '用到的规则', children: <RulesUsed rules={call.rulesUsed} /> },
    { key: 'versions', label: '版本记录', children: <VersionsPanel callId={call.id} /> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space orientation="vertical" size={0}>
        <Link to={`/province/calls/${encodeURIComponent(call.id)}`}>← {call.name}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          编辑计划参数
        </Typography.Title>
        <Space wrap size={4}>
          <Typography.Text type="secondary">{call.name}</Typography.Text>
          {call.readOnly ? <Tag>只读历史</Tag> : <Tag>{CALL_STATUS_LABELS[call.status].label}</Tag>}
          <Tag data-testid="call-editor-version">
            {session.baseVersion === 0 ? '尚未保存过' : `基于第 ${session.baseVersion} 版`}
          </Tag>
          {call.inUse && <Tag color="gold">已有申报书</Tag>}
        </Space>
      </Space>
      {call.readOnly && (
        <Alert
          type="info"
          showIcon
          title="本计划是只读的历史记录，参数不能修改。如需新一年度的计划，请在计划管理中以它为模板新建。"
        />
      )}
      {draft && (
        <Alert
          type="warning"
          showIcon
          data-testid="call-editor-draft"
          title={`本机保存有尚未提交的修改（${beijingTime(draft.at)}，基于第 ${draft.baseVersion} 版）`}
          action={
            <Space wrap>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  restart(draft.document, draft.baseVersion);
                  setDraft(undefined);
                }}
              >
                恢复
              </Button>
              <Button
                size="small"
                onClick={() => {
                  drafts.clear(localStorage, call.id);
                  setDraft(undefined);
                }}
              >
                丢弃
              </Button>
            </Space>
          }
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="call-editor-problems"
          title={`有 ${problems.length} 处需要修改`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={`${p.path}\n${p.message}`}>
                  <Typography.Link onClick={() => show(p.path)}>
                    {parameterLabel(namePathOf(p.path))}
                  </Typography.Link>
                  ：{p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {!call.readOnly && (
        <Space wrap>
          <Button
            type="primary"
            loading={preview.isPending}
            onClick={startSave}
            data-testid="call-editor-save"
          >
            保存为新版本
          </Button>
          {call.inUse && call.status === 'open' && (
            <Typography.Text type="secondary">
              本计划正在受理申报，保存前会先列出对每份申报书审查结果的影响。
            </Typography.Text>
          )}
        </Space>
      )}
      <EditorContext.Provider value={problemAt}>
        <Form<CallDocument>
          form={form}
          layout="vertical"
          disabled={call.readOnly}
          initialValues={session.document}
          style={{ maxWidth: 960 }}
        >
          {narrow && (
            // Nine tabs overflow a phone, and the tab bar's "more" button inside the tablist fails axe:
            // a phone picks the group from a list instead.
            <Select
              aria-label="参数分组"
              value={tab}
              onChange={setTab}
              options={tabs.map(({ key, label }) => ({ value: key, label }))}
              style={{ width: '100%', marginBottom: 12 }}
            />
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            renderTabBar={narrow ? () => <></> : undefined}
            items={tabs}
          />
        </Form>
      </EditorContext.Provider>
      {saving && (
        <SaveDialog
          version={session.baseVersion + 1}
          preview={saving.preview}
          pending={save.isPending}
          onSave={(comment) => save.mutate(comment)}
          onClose={() => setSaving(undefined)}
        />
      )}
    </Space>
  );
}

function SaveDialog({
  version,
  preview,
  pending,
  onSave,
  onClose,
}: {
  version: number;
  preview: CallPreviewResponse | undefined;
  pending: boolean;
  onSave(comment: string): void;
  onClose(): void;
}) {
  const [comment, setComment] = useState('');
  return (
    <Modal
      open
      title={`保存为第 ${version} 版`}
      okText={preview ? '确认保存' : '保存'}
      confirmLoading={pending}
      onOk={() => onSave(comment)}
      onCancel={onClose}
      width={preview ? 900 : undefined}
    >
      {preview && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="call-editor-preview">
          <Alert
            type={preview.changed > 0 ? 'warning' : 'info'}
            showIcon
            title={`已有 ${preview.total} 份申报书，其中 ${preview.changed} 份的审查结果会因这次修改而改变`}
          />
          <Typography.Text strong>改动</Typography.Text>
          <ChangeList changes={preview.changes} />
          {preview.applications.length > 0 && (
            <>
              <Typography.Text strong>审查结果改变的申报书</Typography.Text>
              <Table
                size="small"
                rowKey="applicationId"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={preview.applications}
                columns={[
                  {
                    title: '申报书',
                    render: (_, a) => (
                      <>
                        {a.title}
                        <br />
                        <Typography.Text type="secondary">{a.applicantName}</Typography.Text>
                      </>
                    ),
                  },
                  {
                    title: '问题数（修改前 → 修改后）',
                    render: (_, a) =>
                      `错误 ${a.before.errors} → ${a.after.errors}，提醒 ${a.before.warnings} → ${a.after.warnings}`,
                  },
                  {
                    title: '新增 / 消除的问题',
                    render: (_, a) => (
                      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                        {a.added.map((f, i) => (
                          <li key={`+${i}`}>
                            <Tag color={f.severity === 'error' ? 'error' : 'warning'}>新增</Tag>
                            {f.ruleTitle}：{f.message}
                          </li>
                        ))}
                        {a.removed.map((f, i) => (
                          <li key={`-${i}`}>
                            <Tag color="success">消除</Tag>
                            {f.ruleTitle}：{f.message}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Space>
      )}
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="修改说明" htmlFor="call-save-comment">
          <Input.TextArea
            id="call-save-comment"
            maxLength={500}
            autoSize={{ minRows: 2 }}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="如：2027 年度，调整专题四资助上限"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
