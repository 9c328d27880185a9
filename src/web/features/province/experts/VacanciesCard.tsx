import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { ROUND_KIND_LABELS } from '../../../../core/experts/rounds.js';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { EXPERTS_KEY, expertsApi, expertsQueries, type VacancyView } from './api.js';

/**
 * 待重新分配: applications that lost an expert to a decline, an expiry or a declared conflict, with why; one
 * click assigns the best available expert (field first, then the lightest load, never a conflicted one or one
 * who declined the round) and invites them.
 */
export function VacanciesCard({ callId }: { callId: string }) {
  const vacancies = useQuery(expertsQueries.vacancies(callId));
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const reassigning = useMutation({
    mutationFn: (v: VacancyView) => expertsApi.reassign(v.id),
    onSuccess: (result, v) => {
      void message.success(
        `已将“${v.application.title || '（未填写项目名称）'}”重新分配给${result.expert.name}` +
          (result.invitationStatus === 'pending' ? '，已发出评审邀请' : ''),
      );
      return queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
    },
    onError: (e) => modal.error({ title: '未能重新分配', content: describeError(e) }),
  });
  const list = vacancies.data ?? [];
  if (list.length === 0) return null;
  return (
    <Card title={`待重新分配专家（${list.length}）`} data-testid="vacancies">
      <List<VacancyView>
        dataSource={list}
        renderItem={(v) => (
          <List.Item
            key={v.id}
            data-testid="vacancy"
            actions={[
              <Button
                key="reassign"
                type="primary"
                size="small"
                loading={reassigning.isPending && reassigning.variables?.id === v.id}
                onClick={() => reassigning.mutate(v)}
                data-testid="reassign"
              >
                一键重新分配
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                {v.application.acceptanceNo ?? ''} {v.application.title || '（未填写项目名称）'}
              </Typography.Text>
              <Space wrap size={4}>
                <Tag color="orange">{v.causeLabel}</Tag>
                <Typography.Text type="secondary">
                  {v.round.name}（{ROUND_KIND_LABELS[v.round.kind]}）· 原专家 {v.expert.name} ·{' '}
                  {beijingTime(v.createdAt)}
                </Typography.Text>
              </Space>
              {v.reason && (
                <Typography.Text style={{ wordBreak: 'break-all' }}>理由：{v.reason}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
