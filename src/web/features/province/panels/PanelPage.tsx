import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useParams } from 'react-router';
import { useUser } from '../../../app/session.js';
import { PageState } from '../../../shared/PageState.js';
import { MeetingParticulars } from '../../../shared/panels/PanelRecordView.js';
import { ReviewHeading } from '../../expert/ReviewHeading.js';
import { minutesUrl, panelsQueries } from './api.js';
import { PanelItemCard } from './PanelItemCard.js';

/** A 会评 meeting: particulars, members and chair, and per agenda item its 函评 results, votes and record. */
export function PanelPage() {
  const { id = '' } = useParams();
  const query = useQuery(panelsQueries.detail(id));
  const user = useUser();
  const center = user.duties.includes('admin') || user.duties.includes('center');
  return (
    <PageState query={query}>
      {(panel) => {
        const frozen = panel.meeting.signedOffAt !== null;
        return (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <ReviewHeading back="/province/panels" backLabel="返回会评会议" title={panel.meeting.title} />
            <MeetingParticulars panel={panel} />
            <Space wrap>
              <Button href={minutesUrl(id)} download data-testid="minutes-download">
                下载会评纪要（PDF）
              </Button>
            </Space>
            {frozen ? (
              <Alert type="info" showIcon title="主持人已签署会评纪要，记录已冻结，不能再修改" />
            ) : (
              !center && <Alert type="info" showIcon title="记录由项目管理中心填写；您可以查看" />
            )}
            {panel.items.map((item, index) => (
              <PanelItemCard
                key={item.id}
                panel={panel}
                item={item}
                index={index}
                editable={!frozen && center}
              />
            ))}
          </Space>
        );
      }}
    </PageState>
  );
}
