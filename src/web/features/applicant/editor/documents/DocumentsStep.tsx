import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ETHICS_FLAGS, type EthicsFlag } from '../../../../../core/bundle/schema.js';
import { DOCUMENT_KIND_LABELS } from '../../../../../core/labels.js';
import type { DocumentView } from '../../../../../contract/documents.js';
import { api, describeError } from '../../../../shared/api.js';
import { requirementsQuery } from '../../../../shared/calls.js';
import { PageState } from '../../../../shared/PageState.js';
import { applicationQuery } from '../../queries.js';
import { fieldId } from '../fields.js';
import type { StepProps } from '../steps/common.js';
import { ChecklistCard } from './ChecklistCard.js';
import { checklistRows } from './checklist.js';
import { DocumentModal, type DocumentModalTarget, type PartyChoice } from './DocumentModal.js';
import { UploadedCard } from './UploadedCard.js';

/** The 二、4 questions answered yes, in the call's order. */
export const yesEthicsFlags = (ethics: Partial<Record<EthicsFlag, boolean>> | undefined): EthicsFlag[] =>
  ETHICS_FLAGS.filter((flag) => ethics?.[flag] === true);

const documentsQuery = (applicationId: string) =>
  queryOptions({
    queryKey: ['applications', applicationId, 'documents', { history: 1 }],
    queryFn: ({ signal }) =>
      api<{ documents: DocumentView[] }>(`/applications/${applicationId}/documents?history=1`, { signal }),
  });

function CommitmentsNotice({ applicationId, clause }: { applicationId: string; clause: string }) {
  return (
    <Alert
      type="info"
      showIcon
      icon={<PrinterOutlined />}
      style={{ marginBottom: 16 }}
      title={`科研诚信承诺书〔${clause}〕`}
      description={
        <span>
          系统已按本申报书生成承诺书：
          <Link to={`/applications/${applicationId}/commitments/unit`} target="_blank">
            项目申报单位科研诚信承诺书
          </Link>
          、
          <Link to={`/applications/${applicationId}/commitments/pi`} target="_blank">
            项目负责人科研诚信承诺书
          </Link>
          。请打印、签字（盖章）后扫描为 PDF，分别以“{DOCUMENT_KIND_LABELS['integrity-commitment-unit']}”“
          {DOCUMENT_KIND_LABELS['integrity-commitment-pi']}”类型上传。
        </span>
      }
    />
  );
}

/** 附件材料: what the call requires of this stream, what is uploaded, and uploads, edits and deletions. */
export function DocumentsStep({
  draft,
  application,
  readOnly,
  onChanged,
}: StepProps & { onChanged(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // While another topic's requirements load, the last ones stay on screen rather than a spinner.
  const requirements = useQuery({
    ...requirementsQuery(
      application.callId,
      draft.topic,
      draft.topic === 1 ? draft.direction : null,
      yesEthicsFlags(draft.form.ethics),
    ),
    placeholderData: keepPreviousData,
  });
  const documents = useQuery(documentsQuery(application.id));
  const snapshots = useQuery({
    ...applicationQuery(application.id),
    select: (read) => read.finalization.snapshots,
  });
  const [target, setTarget] = useState<DocumentModalTarget | null>(null);
  const applicantId = application.organization.id;
  const partnerName = draft.form.partner?.name?.trim() || undefined;
  const domesticPartners = draft.form.domesticPartners ?? [];
  const all = documents.data?.documents ?? [];

  const partyChoices: PartyChoice[] = [
    { value: applicantId, label: `申报单位：${application.organization.name}` },
    ...(partnerName ? [{ value: partnerName, label: `境外合作机构：${partnerName}` }] : []),
    ...domesticPartners
      .filter((p) => p.creditCode)
      .map((p) => ({ value: p.creditCode!, label: `境内合作单位：${p.name ?? ''}（${p.creditCode}）` })),
  ];

  const changed = (verb: string) => {
    message.success(verb);
    void queryClient.invalidateQueries({ queryKey: documentsQuery(application.id).queryKey });
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

  return (
    <div id={fieldId('documents')}>
      <PageState query={requirements}>
        {({ documents: needs }) => {
          const unit = needs.find((r) => r.key === 'unit');
          return (
            <>
              {unit && <CommitmentsNotice applicationId={application.id} clause={unit.clause} />}
              <ChecklistCard
                rows={checklistRows(needs, partnerName, domesticPartners)}
                current={all.filter((d) => d.supersededAt === null)}
                applicantId={applicantId}
                piName={application.pi.name}
                readOnly={readOnly}
                onUpload={setTarget}
              />
              {!readOnly && !needs.some((r) => r.kinds.includes('other-attachment')) && (
                <Button
                  icon={<PlusOutlined />}
                  type="dashed"
                  block
                  data-testid="upload-other-attachment"
                  style={{ marginBottom: 16 }}
                  onClick={() =>
                    setTarget({ mode: 'upload', kind: 'other-attachment', parties: [applicantId] })
                  }
                >
                  上传{DOCUMENT_KIND_LABELS['other-attachment']}（查新报告、前期成果等，须注明附件名称）
                </Button>
              )}
            </>
          );
        }}
      </PageState>
      <PageState query={documents}>
        {() => (
          <UploadedCard
            all={all}
            partyChoices={partyChoices}
            questions={requirements.data?.questions ?? []}
            readOnly={readOnly}
            onEdit={(doc) => setTarget({ mode: 'edit', document: doc })}
            onRemove={(doc) => void remove(doc)}
          />
        )}
      </PageState>
      <DocumentModal
        applicationId={application.id}
        target={target}
        partyChoices={partyChoices}
        terms={requirements.data}
        snapshots={snapshots.data ?? []}
        onClose={() => setTarget(null)}
        onSaved={(doc) => {
          setTarget(null);
          changed(`已保存：${doc.fileName}`);
        }}
      />
    </div>
  );
}
