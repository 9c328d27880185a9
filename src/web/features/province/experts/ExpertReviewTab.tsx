import { useMutation } from '@tanstack/react-query';
import { Button, Card, Modal, Space } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../shared/api.js';
import { PageState } from '../../../shared/PageState.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { expertsApi } from './api.js';
import { AutoAssignModal } from './AutoAssignModal.js';
import { ReviewedApplicationsTable } from './ReviewedApplicationsTable.js';
import { VacanciesCard } from './VacanciesCard.js';

/** 评审分配与汇总: per call, assign experts automatically, remind them, and read the aggregated scores. */
export function ExpertReviewTab() {
  const { query: calls, callId, select } = useReviewCall();
  const [q] = useUrlParam('q');
  const [autoOpen, setAutoOpen] = useState(false);
  const reminding = useMutation({
    mutationFn: expertsApi.sendReminders,
    onSuccess: ({ sent }) =>
      Modal.success({ title: sent ? `已发送 ${sent} 条到期提醒` : '没有需要提醒的评审任务' }),
    onError: (e) => Modal.error({ content: describeError(e) }),
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
          <Button
            type="primary"
            onClick={() => setAutoOpen(true)}
            disabled={!callId}
            data-testid="auto-assign"
          >
            自动分配
          </Button>
          <Button loading={reminding.isPending} onClick={() => reminding.mutate()}>
            发送到期提醒（48 小时内到期）
          </Button>
          <SearchBox placeholder="项目名称、受理编号、申报单位或负责人" />
        </Space>
      </Card>
      {callId && <VacanciesCard callId={callId} />}
      <PageState query={calls}>
        {() => callId && <ReviewedApplicationsTable callId={callId} q={q} />}
      </PageState>
      {callId && <AutoAssignModal callId={callId} open={autoOpen} onClose={() => setAutoOpen(false)} />}
    </Space>
  );
}
