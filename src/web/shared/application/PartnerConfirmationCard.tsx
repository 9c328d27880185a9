import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { PartnerConfirmationStatus, PartnerLinkState } from '../../../contract/partner-confirmations.js';
import { api, describeError } from '../api.js';
import { beijingTime } from '../format.js';

// 境外合作方确认: the applicant sends the link and follows it; the department and the province read the same
// card without the button, with the declared and the confirmed answers side by side.

const STATE_LABELS: Record<PartnerLinkState, { label: string; color: string }> = {
  sent: { label: '已发送，待合作方确认', color: 'processing' },
  expired: { label: '已过期', color: 'default' },
  superseded: { label: '已被新链接取代', color: 'default' },
  confirmed: { label: '合作方已确认', color: 'success' },
  corrected: { label: '合作方已更正', color: 'warning' },
  lapsed: { label: '申报单位修改后失效', color: 'default' },
};
const yesNo = (value: boolean | null) => (value === null ? '—' : value ? '是' : '否');

export const partnerConfirmationKey = (applicationId: string) => ['partner-confirmation', applicationId];

export function PartnerConfirmationCard({
  applicationId,
  canSend,
}: {
  applicationId: string;
  canSend: boolean;
}) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: partnerConfirmationKey(applicationId),
    queryFn: ({ signal }) =>
      api<PartnerConfirmationStatus>(`/applications/${applicationId}/partner-confirmation`, { signal }),
  });
  const send = useMutation({
    mutationFn: () =>
      api<PartnerConfirmationStatus>(`/applications/${applicationId}/partner-confirmation`, {
        method: 'POST',
      }),
    onSuccess: (data) => queryClient.setQueryData(partnerConfirmationKey(applicationId), data),
  });
  const view = status.data;
  if (!view) return null;
  const latest = view.links[0];
  const answered = view.links.find((l) => l.answeredAt !== null);
  return (
    <Card title="境外合作方确认" size="small" style={{ marginTop: 16 }} data-testid="partner-confirmation">
      <Space direction="vertical" style={{ width: '100%' }}>
        {latest ? (
          <Typography.Text>
            <Tag color={STATE_LABELS[latest.state].color}>{STATE_LABELS[latest.state].label}</Tag>
            {latest.mark ??
              `${beijingTime(latest.sentAt)} 发送至 ${latest.email}，${beijingTime(latest.expiresAt)}前有效`}
          </Typography.Text>
        ) : !canSend ? (
          <Typography.Text type="secondary">申报单位尚未向合作方发送确认链接。</Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            尚未发送。确认链接以英文（港澳台合作方为中文）邮件发送给境外方负责人，{view.linkDays}{' '}
            天内有效、只能使用一次；合作方更正的答案将取代申报的答案接受规则检查。
          </Typography.Text>
        )}
        {answered && (
          <Table
            size="small"
            pagination={false}
            rowKey="fact"
            scroll={{ x: 'max-content' }}
            dataSource={answered.facts}
            columns={[
              { title: '情况', dataIndex: 'question' },
              { title: '申报', dataIndex: 'declared', render: yesNo },
              {
                title: '合作方确认',
                dataIndex: 'confirmed',
                render: (value: boolean | null, row) =>
                  value !== row.declared ? (
                    <Typography.Text type="warning">{yesNo(value)}（更正）</Typography.Text>
                  ) : (
                    yesNo(value)
                  ),
              },
            ]}
          />
        )}
        {answered?.confirmer && (
          <Typography.Text type="secondary">
            确认人：{answered.confirmer.name}（{answered.confirmer.position}）
            {answered.agreement && (
              <>
                {' · '}
                <a
                  href={`/api/applications/${applicationId}/partner-confirmation/${answered.id}/agreement`}
                  download
                >
                  合作方上传的合作协议：{answered.agreement.fileName}
                </a>
              </>
            )}
          </Typography.Text>
        )}
        {canSend && view.missing.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`发送前请填写：${view.missing.map((m) => m.message.replace(/^请(填写|选择|回答)：?/, '')).join('；')}`}
          />
        )}
        {send.error && <Alert type="error" showIcon title={describeError(send.error)} />}
        {canSend && (
          <Button disabled={!view.canSend} loading={send.isPending} onClick={() => send.mutate()}>
            {latest ? '重新发送确认链接' : '发送确认链接'}
          </Button>
        )}
      </Space>
    </Card>
  );
}
