import { FileDoneOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DIRECTION_LABELS, TOPIC_LABELS } from '../../../../core/labels.js';
import type { ApplicationDto } from '../../../shared/api.js';
import { STATUS_LABELS } from '../../../shared/format.js';
import type { Draft } from './draft.js';
import { SaveStatus } from './SaveStatus.js';
import type { SaveState } from './useAutosave.js';

/** The application's title and labels, where its saving stands, and what can be done with it as a whole. */
export function EditorHeader({
  application,
  draft,
  saveState,
  heldBack,
  onRetrySave,
  onShowTimeline,
  onWithdraw,
}: {
  application: ApplicationDto;
  draft: Draft;
  saveState: SaveState;
  heldBack: { partners: number; fields: number };
  onRetrySave(): void;
  onShowTimeline(): void;
  onWithdraw(): Promise<unknown>;
}) {
  const status = STATUS_LABELS[application.status];
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 24px' } }}>
      <Row align="middle" gutter={[16, 8]}>
        <Col flex="auto">
          <Space orientation="vertical" size={4}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-title">
              {draft.form.title?.trim() || '（未命名申报书）'}
            </Typography.Title>
            <Space size={4} wrap>
              <Tag color={status.color} data-testid="application-status">
                {status.label}
              </Tag>
              <Tag>{TOPIC_LABELS[draft.topic]}</Tag>
              {draft.topic === 1 && draft.direction && <Tag>{DIRECTION_LABELS[draft.direction]}</Tag>}
              {application.callId.startsWith('DEMO-') && <Tag color="purple">演示计划</Tag>}
              {application.acceptanceNo && (
                <Tag color="blue" className="mono">
                  受理编号 {application.acceptanceNo}
                </Tag>
              )}
              <Typography.Text type="secondary">{application.callName}</Typography.Text>
            </Space>
          </Space>
        </Col>
        <Col>
          <Space align="center" size="middle" wrap>
            {application.editable && (
              <SaveStatus
                state={saveState}
                updatedAt={application.updatedAt}
                heldBack={heldBack}
                onRetry={onRetrySave}
              />
            )}
            <Button icon={<HistoryOutlined />} onClick={onShowTimeline}>
              办理记录
            </Button>
            {application.acceptanceNo && (
              <Link to={`/applications/${application.id}/receipt`}>
                <Button icon={<FileDoneOutlined />}>受理回执</Button>
              </Link>
            )}
            {application.editable && application.status === 'draft' && (
              <Popconfirm
                title="作废这份申报书？"
                description="作废后不再显示在列表中，也不能恢复。"
                okText="作废"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={onWithdraw}
              >
                <Button danger type="text">
                  作废
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
