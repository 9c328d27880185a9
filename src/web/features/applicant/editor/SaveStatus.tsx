import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { beijingClock } from '../../../shared/format.js';
import type { SaveState } from './useAutosave.js';

/** Where the autosave stands, and the partners kept on this computer until they are complete. */
export function SaveStatus({
  state,
  updatedAt,
  heldBack,
  onRetry,
}: {
  state: SaveState;
  updatedAt: string;
  heldBack: { partners: number; fields: number };
  onRetry(): void;
}) {
  const heldText = [
    ...(heldBack.partners > 0 ? [`${heldBack.partners} 家境内合作单位`] : []),
    ...(heldBack.fields > 0 ? [`${heldBack.fields} 处内容`] : []),
  ].join('、');
  const held = heldText !== '' && (
    <Typography.Text type="warning">{heldText}未填完整，暂存本机</Typography.Text>
  );
  const status = (() => {
    switch (state.kind) {
      case 'idle':
      case 'saved':
        return (
          <Typography.Text type="success">
            <CheckCircleOutlined /> 已保存 {beijingClock(Date.parse(updatedAt))}
          </Typography.Text>
        );
      case 'pending':
        return (
          <Typography.Text type="secondary">
            <CloudSyncOutlined /> 有修改，稍后自动保存
          </Typography.Text>
        );
      case 'saving':
        return (
          <Typography.Text type="secondary">
            <LoadingOutlined /> 保存中…
          </Typography.Text>
        );
      case 'error':
        return (
          <Space size={4}>
            <Typography.Text type="danger">
              <ExclamationCircleOutlined /> 保存失败：{state.message}（内容已暂存本机）
            </Typography.Text>
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          </Space>
        );
      case 'conflict':
        return (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> 未保存：版本冲突
          </Typography.Text>
        );
      case 'locked':
        return (
          <Typography.Text type="danger">
            <StopOutlined /> 未保存：申报书已不可修改
          </Typography.Text>
        );
    }
  })();
  return (
    <Space orientation="vertical" size={0} align="end" data-testid="save-status">
      {status}
      {held}
    </Space>
  );
}
