import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Drawer, Row } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { beijingTime, STATUS_LABELS } from '../../../shared/format.js';
import { ProvinceResult } from '../../province/decisions/ProvinceResultCard.js';
import { ContractCard } from '../contract/ContractCard.js';
import { AppealCard } from '../avoid-appeal/AppealCard.js';
import { AvoidedExpertsCard } from '../avoid-appeal/AvoidedExpertsCard.js';
import { ReleasedOpinions } from './ReleasedOpinions.js';
import { applicationKeys } from '../queries.js';
import { payloadOf } from './draft.js';
import { ScanNotices } from '../../../shared/printing.js';
import { EditorHeader } from './EditorHeader.js';
import { FinalizeCard } from './FinalizeCard.js';
import { FindingsPanel } from './FindingsPanel.js';
import { RestoreLocalCopy } from './RestoreLocalCopy.js';
import { ReturnBanner } from './ReturnBanner.js';
import { StepsCard } from './StepsCard.js';
import { streamOf, type StepProps } from './steps/common.js';
import { ApplicationTimeline } from './TimelineCard.js';
import type { EditorData } from './useEditorData.js';
import { useEditorDraft } from './useEditorDraft.js';
import { useStepNavigation } from './useStepNavigation.js';
import { useSubmission } from './useSubmission.js';
import { VersionConflictAlert } from './VersionConflictAlert.js';

const UNSAVED = new Set(['pending', 'saving', 'error', 'conflict']);

/** One application being filled in: the steps on the left, the live 形式审查 on the right. */
export function Editor({ application, evaluation, finalization, call, people }: EditorData) {
  const queryClient = useQueryClient();
  const { draft, update, restore, readOnly, partnerIndex, autosave, keepMine, takeTheirs } =
    useEditorDraft(application);
  const { step, setStep, go } = useStepNavigation(partnerIndex);
  const { submit, submitting, withdraw } = useSubmission(application.id, autosave);
  const [timelineOpen, setTimelineOpen] = useState(false);

  const { stream } = useMemo(() => streamOf(call, draft), [call, draft]);
  const { heldBack, heldBackFields } = useMemo(() => payloadOf(draft), [draft]);
  // A document changes the evaluation (and the record): read the application again.
  const documentsChanged = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: applicationKeys.one(application.id) }),
    [queryClient, application.id],
  );
  const stepProps: StepProps = { draft, update, readOnly, application, call, stream, heldBackFields };
  const status = STATUS_LABELS[application.status];
  // The time of the status shown: a decision's for 已推荐 / 未推荐, the first submission's otherwise.
  const statusSince = application.recommendationAt ?? application.submittedAt;

  return (
    <>
      <EditorHeader
        application={application}
        draft={draft}
        saveState={autosave.state}
        heldBack={{ partners: heldBack.length, fields: heldBackFields.length }}
        onRetrySave={() => void autosave.flush()}
        onShowTimeline={() => setTimelineOpen(true)}
        onWithdraw={withdraw}
      />
      <RestoreLocalCopy application={application} onRestore={restore} />
      {autosave.state.kind === 'conflict' && (
        <VersionConflictAlert onKeepMine={() => void keepMine()} onTakeTheirs={() => void takeTheirs()} />
      )}
      {!application.editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`申报书${status.label}${statusSince ? `（${beijingTime(statusSince)}）` : ''}，内容只读`}
        />
      )}
      <ScanNotices notices={finalization.scanNotices} />
      {application.returned && <ReturnBanner returned={application.returned} onGo={go} />}
      {application.status === 'recommended' && <ProvinceResult application={application} />}
      {application.status === 'recommended' && <ContractCard applicationId={application.id} />}
      {application.status === 'recommended' && <AppealCard applicationId={application.id} />}
      {application.status === 'recommended' && <ReleasedOpinions applicationId={application.id} />}
      {autosave.state.kind === 'locked' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={autosave.state.message} />
      )}

      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <StepsCard
            step={step}
            onStep={setStep}
            evaluation={evaluation}
            stepProps={stepProps}
            people={people}
            heldBack={heldBack}
            onDocumentsChanged={documentsChanged}
          />
        </Col>
        <Col xs={24} xl={8}>
          <FindingsPanel
            evaluation={evaluation}
            editable={application.editable}
            unsaved={UNSAVED.has(autosave.state.kind)}
            submitting={submitting}
            onGo={go}
            onSubmit={() => void submit()}
          />
          <FinalizeCard
            applicationId={application.id}
            finalization={finalization}
            editable={application.editable}
            unsaved={UNSAVED.has(autosave.state.kind)}
          />
          <AvoidedExpertsCard applicationId={application.id} />
        </Col>
      </Row>

      <Drawer title="办理记录" open={timelineOpen} onClose={() => setTimelineOpen(false)} size="default">
        {timelineOpen && <ApplicationTimeline applicationId={application.id} />}
      </Drawer>
    </>
  );
}
