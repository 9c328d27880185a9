import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { describeError } from '../../shared/api.js';
import { PageState } from '../../shared/PageState.js';
import { ItemRecord, MeetingParticulars } from '../../shared/panels/PanelRecordView.js';
import { chairMinutesUrl, EXPERT_PANELS_KEY, expertPanelsApi, expertPanelsQueries } from './panels-api.js';
import { ReviewHeading } from './ReviewHeading.js';

/** A meeting I chair: the record read-only, the minutes, and my sign-off, which freezes the record. */
export function PanelMeetingPage() {
  const { id = '' } = useParams();
  const query = useQuery(expertPanelsQueries.detail(id));
  const queryClient = useQueryClient();
  const signing = useMutation({
    mutationFn: () => expertPanelsApi.signOff(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EXPERT_PANELS_KEY }),
    onError: (e) => Modal.error({ title: '未能签署', content: describeError(e) }),
  });
  const confirm = () =>
    Modal.confirm({
      title: '签署会评纪要',
      content: '签署后本次会议的记录即冻结，不能再修改。请先下载纪要核对。',
      okText: '确认签署',
      onOk: () => signing.mutateAsync(),
    });
  return (
    <PageState query={query}>
      {(panel) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <ReviewHeading back="/expert" backLabel="返回我的评审任务" title={panel.meeting.title} />
          <MeetingParticulars panel={panel} />
          <Space wrap>
            <Button href={chairMinutesUrl(id)} download data-testid="chair-minutes-download">
              下载会评纪要（PDF）
            </Button>
            {!panel.meeting.signedOffAt && (
              <Button type="primary" onClick={confirm} loading={signing.isPending} data-testid="sign-off">
                签署会评纪要
              </Button>
            )}
          </Space>
          {!panel.meeting.signedOffAt && (
            <Alert
              type="info"
              showIcon
              title="记录由项目管理中心的会务人员填写；每个项目形成会评建议后，由您签署纪要"
            />
          )}
          {panel.items.map((item, index) => (
            <Card
              key={item.id}
              title={
                <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                  {index + 1}. {item.application.title}（{item.application.acceptanceNo ?? '无受理编号'}）
                </Typography.Text>
              }
            >
              <ItemRecord item={item} panel={panel} />
            </Card>
          ))}
        </Space>
      )}
    </PageState>
  );
}
