import { Alert, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ApplicationDto } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { localCopies, newerLocalCopy, type Draft } from './draft.js';

/**
 * Offers back, once as the editor opens, a copy kept on this computer that is newer than the server's: what a
 * closed tab or a lost connection left unsaved. A copy not worth offering is dropped.
 */
export function RestoreLocalCopy({
  application,
  onRestore,
}: {
  application: ApplicationDto;
  onRestore(draft: Draft): void;
}) {
  const [offered] = useState(() => newerLocalCopy(application));
  const [answered, setAnswered] = useState(false);
  const { id } = application;

  useEffect(() => {
    if (!offered) localCopies.clear(id);
  }, [offered, id]);

  if (!offered || answered) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="restore-local"
      title={`本机有 ${beijingTime(offered.changedAt)} 未保存到服务器的修改，比服务器上的版本新`}
      description="可能是上次关闭页面或网络中断前的内容。恢复后将自动保存到服务器。"
      action={
        <Space orientation="vertical">
          <Button
            size="small"
            type="primary"
            onClick={() => {
              onRestore(offered.draft);
              setAnswered(true);
            }}
          >
            恢复本机内容
          </Button>
          <Button
            size="small"
            onClick={() => {
              localCopies.clear(id);
              setAnswered(true);
            }}
          >
            放弃
          </Button>
        </Space>
      }
    />
  );
}
