import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  FileDoneOutlined,
  HistoryOutlined,
  LoadingOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Form,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DIRECTION_LABELS, TOPIC_LABELS } from '../../../../core/labels.js';
import type { PersonView } from '../../../../contract/people.js';
import {
  api,
  ApiError,
  describeError,
  fetchCalls,
  type ApplicationDto,
  type CallDto,
  type Evaluation,
} from '../../../shared/api.js';
import { beijingClock, beijingTime, STATUS_LABELS } from '../../../shared/format.js';
import { useUser } from '../../../app/session.js';
import { DocumentsStep } from './documents/DocumentsStep.js';
import { draftOf, localCopies, payloadOf, stableJson, type Draft, type LocalCopy } from './draft.js';
import { focusField, stepOfField, STEPS } from './fields.js';
import { FindingsPanel } from './FindingsPanel.js';
import { BasicStep } from './steps/BasicStep.js';
import { BudgetStep } from './steps/BudgetStep.js';
import { streamOf, type StepProps } from './steps/common.js';
import { DomesticStep } from './steps/DomesticStep.js';
import { EthicsStep } from './steps/EthicsStep.js';
import { PartnerStep } from './steps/PartnerStep.js';
import { ApplicationTimeline } from './TimelineCard.js';
import { ProvinceResult } from '../../province/decisions/ProvinceResultCard.js';
import { useAutosave, type SaveState } from './useAutosave.js';

interface Loaded {
  application: ApplicationDto;
  evaluation: Evaluation;
  call: CallDto | undefined;
  people: PersonView[] | undefined;
}

export function ApplicationEditorPage() {
  const { id } = useParams();
  const user = useUser();
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<ApiError | Error>();

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    setError(undefined);
    Promise.all([
      api<{ application: ApplicationDto; evaluation: Evaluation }>(`/applications/${id}`),
      fetchCalls(),
      user.role === 'unit-admin'
        ? api<{ people: PersonView[] }>('/organization/people').then((r) => r.people)
        : Promise.resolve(undefined),
    ]).then(
      ([{ application, evaluation }, calls, people]) => {
        if (live)
          setLoaded({
            application,
            evaluation,
            call: calls.find((c) => c.id === application.callId),
            people,
          });
      },
      (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [id, user.role]);

  if (error) {
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={error instanceof ApiError && error.status === 404 ? '找不到该申报书' : '申报书加载失败'}
        subTitle={describeError(error)}
        extra={
          <Link to="/applications">
            <Button type="primary">返回申报书列表</Button>
          </Link>
        }
      />
    );
  }
  if (!loaded) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  return <Editor key={loaded.application.id} {...loaded} />;
}

function SaveStatus({
  state,
  updatedAt,
  heldBack,
  onRetry,
}: {
  state: SaveState;
  updatedAt: string;
  heldBack: number;
  onRetry(): void;
}) {
  const held = heldBack > 0 && (
    <Typography.Text type="warning">{heldBack} 家境内合作单位未填完整，暂存本机</Typography.Text>
  );
  const status = (() => {
    switch (state.kind) {
      case 'idle':
      case 'saved':
        return (
          <Typography.Text type="success">
            <CheckCircleOutlined /> 已保存 {beijingClock(Date.parse(updatedAt))}
          </Typography.Text>
        );
      case 'pending':
        return (
          <Typography.Text type="secondary">
            <CloudSyncOutlined /> 有修改，稍后自动保存
          </Typography.Text>
        );
      case 'saving':
        return (
          <Typography.Text type="secondary">
            <LoadingOutlined /> 保存中…
          </Typography.Text>
        );
      case 'error':
        return (
          <Space size={4}>
            <Typography.Text type="danger">
              <ExclamationCircleOutlined /> 保存失败：{state.message}（内容已暂存本机）
            </Typography.Text>
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          </Space>
        );
      case 'conflict':
        return (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> 未保存：版本冲突
          </Typography.Text>
        );
      case 'locked':
        return (
          <Typography.Text type="danger">
            <StopOutlined /> 未保存：申报书已不可修改
          </Typography.Text>
        );
    }
  })();
  return (
    <Space orientation="vertical" size={0} align="end" data-testid="save-status">
      {status}
      {held}
    </Space>
  );
}

function Editor(loaded: Loaded) {
  const { call, people } = loaded;
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [application, setApplication] = useState(loaded.application);
  const [evaluation, setEvaluation] = useState(loaded.evaluation);
  const [draft, setDraft] = useState<Draft>(() => draftOf(loaded.application));
  const draftRef = useRef(draft);
  const [partnerIndex, setPartnerIndex] = useState(() => payloadOf(draftRef.current).partnerIndex);
  const [step, setStep] = useState(0);
  const [focus, setFocus] = useState<{ path: string; at: number } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [timelineOpen, setTimelineOpen] = useState(false);
  const [restorable, setRestorable] = useState<LocalCopy>();

  const autosave = useAutosave(application.id, application.version, (saved) => {
    setApplication(saved.application);
    setEvaluation(saved.evaluation);
    setPartnerIndex(saved.payload.partnerIndex);
  });
  const readOnly = !application.editable || autosave.state.kind === 'locked';

  // A local copy newer than the server's is offered back; an older one is stale.
  useEffect(() => {
    const local = localCopies.read(loaded.application.id);
    if (!local) return;
    const newer = Date.parse(local.changedAt) > Date.parse(loaded.application.updatedAt);
    const differs = stableJson(local.draft) !== stableJson(draftOf(loaded.application));
    if (loaded.application.editable && newer && differs) setRestorable(local);
    else localCopies.clear(loaded.application.id);
  }, [loaded.application]);

  const update = useCallback(
    (change: (draft: Draft) => Draft) => {
      if (readOnly) return;
      const next = change(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      autosave.change(next);
    },
    [autosave, readOnly],
  );

  const refreshEvaluation = useCallback(() => {
    api<{ application: ApplicationDto; evaluation: Evaluation }>(`/applications/${application.id}`).then(
      (r) => setEvaluation(r.evaluation),
      (e: unknown) => message.error(describeError(e)),
    );
  }, [application.id, message]);

  /** Server paths name the partners the server holds; the draft may hold more (incomplete ones). */
  const toDraftPath = useCallback(
    (path: string) =>
      path.replace(
        /^domesticPartners\[(\d+)\]/,
        (_, j: string) => `domesticPartners[${partnerIndex[Number(j)] ?? j}]`,
      ),
    [partnerIndex],
  );

  const go = useCallback(
    (field: string) => {
      const path = toDraftPath(field);
      const target = stepOfField(path);
      if (target === undefined) return;
      setStep(target);
      setFocus({ path, at: Date.now() });
    },
    [toDraftPath],
  );

  useEffect(() => {
    if (!focus) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      if (!focusField(focus.path) && ++tries < 20) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  const reloadLatest = async () => {
    const latest = await api<{ application: ApplicationDto; evaluation: Evaluation }>(
      `/applications/${application.id}`,
    );
    setApplication(latest.application);
    setEvaluation(latest.evaluation);
    return latest;
  };

  const keepMine = async () => {
    try {
      const latest = await reloadLatest();
      if (await autosave.overwrite(latest.application.version)) message.success('已用本页内容覆盖保存');
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const takeTheirs = async () => {
    try {
      const latest = await reloadLatest();
      const fresh = draftOf(latest.application);
      draftRef.current = fresh;
      setDraft(fresh);
      setPartnerIndex(payloadOf(fresh).partnerIndex);
      autosave.discard(latest.application.version);
      message.info('已载入服务器上的最新内容');
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const submit = async () => {
    if (!(await autosave.flush())) {
      message.error('最新修改尚未保存，请先解决保存问题再提交');
      return;
    }
    modal.confirm({
      title: '确认提交申报书？',
      content:
        '提交后将由服务器重新检查并出具受理回执；提交后申报书不能再修改，如需修改须由项目主管部门退回。',
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: async () => {
        setSubmitting(true);
        try {
          await api(`/applications/${application.id}/submit`, {
            method: 'POST',
            body: { version: autosave.version() },
          });
          localCopies.clear(application.id);
          message.success('申报书已提交');
          navigate(`/applications/${application.id}/receipt`);
        } catch (e) {
          if (e instanceof ApiError && e.status === 422) {
            const blocked = (e.body as { evaluation?: Evaluation }).evaluation;
            if (blocked) setEvaluation(blocked);
            modal.error({
              title: '暂不能提交',
              content: '提交时服务器重新检查发现问题，请按右侧“形式审查”逐项修改。',
            });
          } else {
            modal.error({ title: '提交失败', content: describeError(e) });
          }
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  const withdraw = async () => {
    try {
      await autosave.flush();
      await api(`/applications/${application.id}/withdraw`, {
        method: 'POST',
        body: { version: autosave.version() },
      });
      localCopies.clear(application.id);
      message.success('申报书已作废');
      navigate('/applications');
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const { stream } = useMemo(() => streamOf(call, draft), [call, draft]);
  const heldBack = useMemo(() => payloadOf(draft).heldBack, [draft]);
  const problemSteps = useMemo(() => {
    const steps = new Set<number>();
    for (const f of evaluation.findings) {
      const s = f.field && f.severity === 'error' ? stepOfField(f.field) : undefined;
      if (s !== undefined) steps.add(s);
    }
    for (const m of evaluation.missing) {
      const s = stepOfField(m.field);
      if (s !== undefined) steps.add(s);
    }
    return steps;
  }, [evaluation]);

  const props: StepProps = { draft, update, readOnly, application, call, stream };
  const content = [
    <BasicStep key="basic" {...props} people={people} />,
    <PartnerStep key="partner" {...props} />,
    <DomesticStep key="domestic" {...props} heldBack={heldBack} />,
    <BudgetStep key="budget" {...props} />,
    <EthicsStep key="ethics" {...props} />,
    <DocumentsStep key="documents" {...props} onChanged={refreshEvaluation} />,
  ][step];
  const status = STATUS_LABELS[application.status];
  const unsaved = ['pending', 'saving', 'error', 'conflict'].includes(autosave.state.kind);

  return (
    <>
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 24px' } }}>
        <Row align="middle" gutter={[16, 8]}>
          <Col flex="auto">
            <Space orientation="vertical" size={4}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-title">
                {draft.form.title?.trim() || '（未命名申报书）'}
              </Typography.Title>
              <Space size={4} wrap>
                <Tag color={status.color} data-testid="application-status">
                  {status.label}
                </Tag>
                <Tag>{TOPIC_LABELS[draft.topic]}</Tag>
                {draft.topic === 1 && draft.direction && <Tag>{DIRECTION_LABELS[draft.direction]}</Tag>}
                {application.callId.startsWith('DEMO-') && <Tag color="purple">演示计划</Tag>}
                {application.acceptanceNo && (
                  <Tag color="blue" className="mono">
                    受理编号 {application.acceptanceNo}
                  </Tag>
                )}
                <Typography.Text type="secondary">{application.callName}</Typography.Text>
              </Space>
            </Space>
          </Col>
          <Col>
            <Space align="center" size="middle" wrap>
              {application.editable && (
                <SaveStatus
                  state={autosave.state}
                  updatedAt={application.updatedAt}
                  heldBack={heldBack.length}
                  onRetry={() => void autosave.flush()}
                />
              )}
              <Button icon={<HistoryOutlined />} onClick={() => setTimelineOpen(true)}>
                办理记录
              </Button>
              {application.acceptanceNo && (
                <Link to={`/applications/${application.id}/receipt`}>
                  <Button icon={<FileDoneOutlined />}>受理回执</Button>
                </Link>
              )}
              {application.editable && application.status === 'draft' && (
                <Popconfirm
                  title="作废这份申报书？"
                  description="作废后不再显示在列表中，也不能恢复。"
                  okText="作废"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={withdraw}
                >
                  <Button danger type="text">
                    作废
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Col>
        </Row>
      </Card>

      {restorable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="restore-local"
          title={`本机有 ${beijingTime(restorable.changedAt)} 未保存到服务器的修改，比服务器上的版本新`}
          description="可能是上次关闭页面或网络中断前的内容。恢复后将自动保存到服务器。"
          action={
            <Space orientation="vertical">
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  draftRef.current = restorable.draft;
                  setDraft(restorable.draft);
                  autosave.change(restorable.draft);
                  setRestorable(undefined);
                }}
              >
                恢复本机内容
              </Button>
              <Button
                size="small"
                onClick={() => {
                  localCopies.clear(application.id);
                  setRestorable(undefined);
                }}
              >
                放弃
              </Button>
            </Space>
          }
        />
      )}
      {autosave.state.kind === 'conflict' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="version-conflict"
          title="申报书已在其他窗口或由他人修改，本页的修改尚未保存"
          description="您在本页填写的内容仍保留在页面和本机中。请选择：用本页内容覆盖服务器上的版本，或放弃本页修改、载入服务器上的最新内容。"
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={keepMine}>
                用本页内容覆盖
              </Button>
              <Button size="small" danger onClick={takeTheirs}>
                载入最新内容
              </Button>
            </Space>
          }
        />
      )}
      {!application.editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`申报书${status.label}${application.submittedAt ? `（${beijingTime(application.submittedAt)}）` : ''}，内容只读`}
        />
      )}
      {application.status === 'recommended' && <ProvinceResult application={application} />}
      {autosave.state.kind === 'locked' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={autosave.state.message} />
      )}

      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <Card>
            <Steps
              size="small"
              current={step}
              onChange={setStep}
              style={{ marginBottom: 24 }}
              items={STEPS.map((s, i) => ({
                title: s.title,
                ...(problemSteps.has(i) && i !== step ? { status: 'error' as const } : {}),
              }))}
            />
            <Form layout="vertical" component="div" disabled={readOnly}>
              {content}
            </Form>
            <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between' }}>
              <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
                上一步
              </Button>
              {step < STEPS.length - 1 && (
                <Button type="primary" onClick={() => setStep(step + 1)}>
                  下一步：{STEPS[step + 1]!.title}
                </Button>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <FindingsPanel
            evaluation={evaluation}
            editable={application.editable}
            unsaved={unsaved}
            submitting={submitting}
            onGo={go}
            onSubmit={submit}
          />
        </Col>
      </Row>

      <Drawer title="办理记录" open={timelineOpen} onClose={() => setTimelineOpen(false)} size="default">
        {timelineOpen && <ApplicationTimeline applicationId={application.id} />}
      </Drawer>
    </>
  );
}
