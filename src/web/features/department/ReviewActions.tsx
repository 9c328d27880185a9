import { CheckOutlined, CloseOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DecisionBody } from '../../../contract/review.js';
import { describeError } from '../../shared/api.js';
import { REVIEW_KEY, reviewApi, type ReviewDetail } from './api.js';
import { DecisionDialog } from './DecisionDialog.js';
import { ReturnDialog } from './ReturnDialog.js';

/** 退回修改 / 推荐 / 不推荐 / 撤销决定 — whichever the application's state allows. */
export function ReviewActions({
  detail,
  separateSlotOffered,
}: {
  detail: ReviewDetail;
  separateSlotOffered: boolean;
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'return' | DecisionBody['decision']>();
  const { item, confirmed } = detail;
  const { status } = item.application;
  const undoing = useMutation({
    mutationFn: () => reviewApi.undo(item.application.id),
    onSuccess: () => {
      void message.success('已撤销决定');
      return queryClient.invalidateQueries({ queryKey: REVIEW_KEY });
    },
    onError: (e) => void message.error(describeError(e)),
  });

  const undo = () =>
    modal.confirm({
      title: '撤销推荐决定？',
      content: '申报书回到“已提交”，可重新推荐、不推荐或退回。',
      okText: '撤销决定',
      // The refusal is shown as a message; the dialog closes either way.
      onOk: () => undoing.mutateAsync().catch(() => undefined),
    });

  let body;
  if (item.readOnly) {
    body = (
      <Alert
        type="info"
        showIcon
        title={`本申报书由${item.application.department.name}审核推荐，本部门只读。`}
      />
    );
  } else if (confirmed) {
    body = <Alert type="success" showIcon title="推荐名单已确认提交，不能再退回、推荐或撤销。" />;
  } else if (status === 'submitted') {
    body = (
      <Space wrap>
        <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
          退回修改
        </Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('recommended')}>
          推荐
        </Button>
        <Button danger icon={<CloseOutlined />} onClick={() => setDialog('not-recommended')}>
          不推荐
        </Button>
      </Space>
    );
  } else if (status === 'recommended' || status === 'not-recommended') {
    body = (
      <Button icon={<UndoOutlined />} onClick={undo}>
        撤销决定
      </Button>
    );
  } else {
    body = <Typography.Text type="secondary">已退回申报单位修改，重新提交后可继续审核。</Typography.Text>;
  }

  return (
    <Card size="small" title="审核推荐" data-testid="review-actions">
      {body}
      {dialog === 'return' && <ReturnDialog detail={detail} onClose={() => setDialog(undefined)} />}
      {(dialog === 'recommended' || dialog === 'not-recommended') && (
        <DecisionDialog
          detail={detail}
          decision={dialog}
          separateSlotOffered={separateSlotOffered}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Card>
  );
}
