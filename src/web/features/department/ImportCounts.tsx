import { Descriptions } from 'antd';
import type { ImportResult } from '../../../contract/review.js';

/** What an import created, updated and left as it was. */
export function ImportCounts({ result }: { result: ImportResult }) {
  const line = (counts: ImportResult['created']) =>
    `单位 ${counts.organizations}，项目负责人 ${counts.people}，申报书 ${counts.applications}`;
  return (
    <Descriptions data-testid="import-result" bordered size="small" column={1}>
      <Descriptions.Item label="新建">{line(result.created)}</Descriptions.Item>
      <Descriptions.Item label="更新">{line(result.updated)}</Descriptions.Item>
      <Descriptions.Item label="未变">{line(result.unchanged)}</Descriptions.Item>
    </Descriptions>
  );
}
