import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { fieldId } from '../fields.js';

// The controls of a step's list of cards (members, milestones, instruments, domestic partners).

/** The dashed button under a list of cards that adds a row; its id is the list's, so a finding can focus it. */
export function AddRowButton({
  field,
  full,
  onAdd,
  marginBottom,
  children,
}: {
  field: string;
  /** The list is at its limit. */
  full: boolean;
  onAdd(): void;
  marginBottom?: number;
  children: ReactNode;
}) {
  return (
    <Button
      id={fieldId(field)}
      icon={<PlusOutlined />}
      type="dashed"
      block
      {...(marginBottom !== undefined ? { style: { marginBottom } } : {})}
      disabled={full}
      onClick={onAdd}
    >
      {children}
    </Button>
  );
}

/** A card's 删除, absent when the application is read-only. */
export function RemoveButton({ readOnly, onClick }: { readOnly: boolean; onClick(): void }) {
  return readOnly ? null : (
    <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={onClick}>
      删除
    </Button>
  );
}

/** Said on a card whose row autosave holds back until it is complete (draft.ts `wellFormedPart`). */
export function HeldBack({
  shown,
  title = '本行尚不完整或有误，已暂存在本机，填写完整后自动保存到服务器',
}: {
  shown: boolean;
  title?: string;
}) {
  return shown ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={title} /> : null;
}
