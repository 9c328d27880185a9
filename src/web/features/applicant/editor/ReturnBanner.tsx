import { EditOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import type { ApplicationDto } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { FindingItem } from './FindingsPanel.js';

/** 退回修改: the department's reasons, each leading to its field, and the time to resubmit by. */
export function ReturnBanner({
  returned,
  onGo,
}: {
  returned: NonNullable<ApplicationDto['returned']>;
  onGo(field: string): void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="return-banner"
      title={`主管部门已于 ${beijingTime(returned.at)} 退回修改，请按下列意见修改，在 ${beijingTime(returned.resubmitBy)}（北京时间）前重新提交`}
      description={
        <ol style={{ margin: 0, paddingLeft: 0 }}>
          {returned.reasons.map((reason, i) => (
            <FindingItem
              key={i}
              icon={<EditOutlined style={{ marginTop: 5 }} />}
              message={`${i + 1}. ${reason.message}`}
              onGo={onGo}
              {...(reason.field ? { field: reason.field } : {})}
            />
          ))}
        </ol>
      }
    />
  );
}
