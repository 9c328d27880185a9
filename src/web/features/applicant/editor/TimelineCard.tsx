import { useQuery } from '@tanstack/react-query';
import { Timeline, Typography } from 'antd';
import type { DocumentKind } from '../../../../core/bundle/schema.js';
import { DOCUMENT_KIND_LABELS } from '../../../../core/labels.js';
import { joinClauses, sentence } from '../../../../core/text/punctuation.js';
import type { TimelineEvent } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { shortFingerprint } from '../../../shared/printing.js';
import { timelineQuery } from '../queries.js';

const EVENT_LABELS: Record<string, { label: string; color: string }> = {
  created: { label: '新建申报书', color: 'gray' },
  submitted: { label: '提交申报书', color: 'blue' },
  resubmitted: { label: '退回修改后重新提交', color: 'blue' },
  returned: { label: '退回修改', color: 'orange' },
  recommended: { label: '主管部门推荐', color: 'green' },
  'not-recommended': { label: '主管部门不予推荐', color: 'red' },
  'decision-undone': { label: '主管部门撤销推荐决定', color: 'orange' },
  'checklist-saved': { label: '主管部门保存形式审查意见', color: 'gray' },
  'list-confirmed': { label: '主管部门网上确认提交推荐名单', color: 'blue' },
  withdrawn: { label: '作废', color: 'gray' },
  imported: { label: '批量导入', color: 'blue' },
  'import-updated': { label: '批量导入更新', color: 'blue' },
  finalized: { label: '定稿', color: 'blue' },
  reopened: { label: '定稿后修改内容，定稿重新打开', color: 'orange' },
  'document.uploaded': { label: '上传附件', color: 'gray' },
  'document.replaced': { label: '替换附件文件', color: 'gray' },
  'document.updated': { label: '修改附件信息', color: 'gray' },
  'document.deleted': { label: '删除附件', color: 'gray' },
  'formal-review': { label: '省形式审查（信用审查）', color: 'purple' },
  announced: { label: '列入拟立项项目公示', color: 'green' },
  'contract-stage': { label: '进入合同签订', color: 'green' },
  'contract-signed': { label: '项目签约', color: 'green' },
  'approval-revoked': { label: '公示异议成立，立项撤销', color: 'red' },
};

interface ReturnReason {
  field?: string;
  message: string;
}

const numbered = (reasons: ReturnReason[]) => joinClauses(reasons.map((r, i) => `${i + 1}. ${r.message}`));

function detailText(event: TimelineEvent): string | undefined {
  const { acceptanceNo, reason, fileName, kind, resubmitBy } = event.detail as Record<
    string,
    string | undefined
  >;
  const reasons = (event.detail as { reasons?: ReturnReason[] }).reasons;
  if (event.kind === 'formal-review') {
    const listed = numbered(reasons ?? []);
    return event.detail.result === 'rejected' ? `不予受理：${listed}` : `受理${listed ? `：${listed}` : ''}`;
  }
  if (event.kind === 'announced') {
    const { startsOn, endsOn } = event.detail as Record<string, string>;
    return `公示期 ${startsOn} 至 ${endsOn}`;
  }
  if (reasons) {
    const deadline = resubmitBy ? sentence(`请在 ${resubmitBy}（北京时间）前修改后重新提交`) : '';
    return `${sentence(`退回原因：${numbered(reasons)}`)}${deadline}`;
  }
  if (acceptanceNo) return `受理编号 ${acceptanceNo}`;
  if (event.kind === 'finalized' || event.kind === 'reopened') {
    return `定稿指纹前 8 位 ${shortFingerprint(String(event.detail.sha256))}`;
  }
  if (reason) return `原因：${reason}`;
  if (fileName) return `${DOCUMENT_KIND_LABELS[kind as DocumentKind] ?? ''} ${fileName}`;
  return undefined;
}

/** 办理记录: what happened to the application, oldest first, in Beijing time. */
export function ApplicationTimeline({
  applicationId,
  refresh = 0,
}: {
  applicationId: string;
  /** Bumped by a page that changed the application, to read the record again. */
  refresh?: number;
}) {
  const events = useQuery(timelineQuery(applicationId, refresh));
  return (
    <PageState query={events} isEmpty={(list) => list.length === 0} empty="暂无记录">
      {(list) => (
        <Timeline
          data-testid="timeline"
          items={list.map((event) => {
            const known = EVENT_LABELS[event.kind];
            const detail = detailText(event);
            return {
              color: known?.color ?? 'gray',
              title: beijingTime(event.at),
              content: (
                <div>
                  <div>{known?.label ?? '其他办理事项'}</div>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {event.actor ?? '系统'}
                    {detail && ` · ${detail}`}
                  </Typography.Text>
                </div>
              ),
            };
          })}
        />
      )}
    </PageState>
  );
}
