import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { crossCheckApi, crossCheckQueries, type CrossCheckRunDto, isActive } from './api.js';

const STATUS = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '运行中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
} as const;

const PHASE = { rules: '逐项规则核查', similarity: '全省相似度比对' } as const;

/** The latest run of the call (its progress read again while it is under way): start one, see what it found. */
export function RunPanel({ callId, run }: { callId: string; run: CrossCheckRunDto | undefined }) {
  const queryClient = useQueryClient();
  const starting = useMutation({
    mutationFn: () => crossCheckApi.start(callId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crossCheckQueries.runs(callId).queryKey }),
  });

  const percent =
    run && run.progress.total > 0 ? Math.floor((100 * run.progress.done) / run.progress.total) : 0;
  return (
    <Card size="small" data-testid="cross-check-run">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text>
            对本计划全部申报书及导入的外部门申报情况运行全部规则（一企一项、负责人限项、在研项目、信用、重复申报）并做全省相似度比对。
          </Typography.Text>
          <Button
            type="primary"
            loading={starting.isPending}
            disabled={isActive(run)}
            onClick={() => starting.mutate()}
            data-testid="start-cross-check"
          >
            {isActive(run) ? '核查进行中' : '发起全省核查'}
          </Button>
        </Space>
        {starting.error && <Alert type="error" showIcon title={describeError(starting.error)} />}
        {run ? (
          <>
            <Space wrap>
              <Tag color={STATUS[run.status].color} data-testid="run-status">
                {STATUS[run.status].label}
              </Tag>
              {run.phase && <span>{PHASE[run.phase]}</span>}
              {run.attempts > 1 && <Tag color="warning">第 {run.attempts} 次接手运行</Tag>}
            </Space>
            {(isActive(run) || run.status === 'done') && (
              <Progress
                aria-label="核查进度"
                percent={run.status === 'done' ? 100 : percent}
                status={run.status === 'done' ? 'success' : 'active'}
                format={() =>
                  `${run.status === 'done' ? '完成 ' : ''}${run.progress.done} / ${run.progress.total}`
                }
                data-testid="run-progress"
              />
            )}
            {run.status === 'failed' && (
              <Alert type="error" showIcon title={`核查失败：${run.error ?? '原因不明'}`} />
            )}
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="发起">
                {beijingTime(run.requestedAt)}（{run.requestedBy ?? '—'}）
              </Descriptions.Item>
              {run.startedAt && (
                <Descriptions.Item label="开始">{beijingTime(run.startedAt)}</Descriptions.Item>
              )}
              {run.finishedAt && (
                <Descriptions.Item label="结束">{beijingTime(run.finishedAt)}</Descriptions.Item>
              )}
              {run.summary && (
                <Descriptions.Item label="结果">
                  申报书 {run.summary.applications} 项、外部门申报 {run.summary.externalSubmissions} 项；错误{' '}
                  {run.summary.errors} 条、提示 {run.summary.warnings} 条，不符合要求 {run.summary.ineligible}{' '}
                  项；相似项目 {run.summary.pairs} 对
                </Descriptions.Item>
              )}
            </Descriptions>
          </>
        ) : (
          <Typography.Text type="secondary">本计划尚未进行全省核查。</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
