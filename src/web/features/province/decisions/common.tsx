import { Alert, Modal, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { formatWan } from '../../../../core/money.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { describeError } from '../../../shared/api.js';
import type { FormalReviewItemView } from './api.js';

// Columns the province's pages share: which application, by whom, asking for how much.

type ProvinceApplication = FormalReviewItemView['application'];

export function applicationColumns<T extends { application: ProvinceApplication }>() {
  return [
    { title: '受理编号', width: 160, render: (_: unknown, r: T) => r.application.acceptanceNo ?? '—' },
    {
      title: '项目名称',
      onCell: () => ({ style: { minWidth: 200 } }),
      render: (_: unknown, r: T) => r.application.title || '（未填写）',
    },
    {
      title: '申报单位 / 负责人',
      width: 220,
      render: (_: unknown, r: T) => `${r.application.organizationName} / ${r.application.piName}`,
    },
    {
      title: '专题',
      width: 80,
      render: (_: unknown, r: T) => <Tag>{TOPIC_LABELS[r.application.topic]}</Tag>,
    },
    { title: '主管部门', width: 160, render: (_: unknown, r: T) => r.application.departmentName },
    {
      title: '申请省资助',
      width: 110,
      render: (_: unknown, r: T) => formatWan(r.application.requestedFunding),
    },
  ];
}

/** A modal whose OK runs `save`: the server's refusal is shown in it, success closes it with `saved`. */
export function SaveModal({
  title,
  width,
  okText = '保存',
  save,
  onClose,
  children,
}: {
  title: string;
  width?: number;
  okText?: string;
  /** Throws to keep the modal open (a form's own validation, or the server's refusal). */
  save(): Promise<void>;
  onClose(saved: boolean): void;
  children: ReactNode;
}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const ok = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await save();
      onClose(true);
    } catch (e) {
      // A form's own validation shows under its fields.
      if (!(e && typeof e === 'object' && 'errorFields' in e)) setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      confirmLoading={saving}
      onOk={() => void ok()}
      onCancel={() => onClose(false)}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {children}
    </Modal>
  );
}
