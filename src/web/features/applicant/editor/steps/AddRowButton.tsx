import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { fieldId } from '../fields.js';

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
