import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { formatWan } from '../../../../core/money.js';
import { formatChineseDate } from '../../../../core/time.js';
import type { ApplicationDto } from '../../../shared/api.js';
import { requirementsQuery } from '../../../shared/calls.js';
import { DocumentModal, type DocumentModalTarget } from '../../applicant/editor/documents/DocumentModal.js';
import { decisionsQueries } from './api.js';

/** The province's result as the applicant sees it: 形式审查 with its reasons, then 立项 once published. */
export function ProvinceResult({ application }: { application: ApplicationDto }) {
  const queryClient = useQueryClient();
  const resultQuery = decisionsQueries.provinceResult(application.id);
  // Nothing to show, nor a failure to read it, is news for the applicant: the province may not have reached it.
  const result = useQuery(resultQuery).data;
  const [target, setTarget] = useState<DocumentModalTarget | null>(null);
  const requirements = useQuery(
    requirementsQuery(application.callId, application.topic, application.direction),
  );

  if (!result?.formalReview) return null;
  const { formalReview, announced } = result;
  if (formalReview.result === 'rejected') {
    return (
      <Alert
        data-testid="province-result"
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title="省形式审查（信用审查）结果：不予受理"
        description={formalReview.reasons.map((r, i) => (
          <div key={i}>
            {i + 1}. {r.message}
          </div>
        ))}
      />
    );
  }
  const partner = application.form.partner?.name;
  const partyChoices = [
    { value: application.organization.id, label: application.organization.name },
    ...(partner ? [{ value: partner, label: partner }] : []),
    ...(application.form.domesticPartners ?? []).map((p) => ({ value: p.creditCode, label: p.name })),
  ];
  return (
    <>
      <Alert
        data-testid="province-result"
        type={announced ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          announced
            ? `拟立项，省资助经费 ${formatWan(announced.funding)}；公示期 ${formatChineseDate(announced.startsOn)}至${formatChineseDate(announced.endsOn)}`
            : '省形式审查（信用审查）结果：受理'
        }
        description={
          result.formalAgreementDue && (
            <>
              申报时仅有合作意向书：获得立项后须在签订项目合同时提供正式的合作协议文本，上传后才能进入合同签订。
              <Button
                size="small"
                icon={<UploadOutlined />}
                style={{ marginLeft: 8 }}
                onClick={() =>
                  setTarget({
                    mode: 'upload',
                    kind: 'cooperation-agreement',
                    parties: partner ? [application.organization.id, partner] : [application.organization.id],
                  })
                }
              >
                上传正式合作协议
              </Button>
            </>
          )
        }
      />
      <DocumentModal
        applicationId={application.id}
        target={target}
        partyChoices={partyChoices}
        terms={requirements.data}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          void queryClient.invalidateQueries({ queryKey: resultQuery.queryKey });
        }}
      />
    </>
  );
}
