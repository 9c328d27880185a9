import type { ReactNode } from 'react';

/** An entry of the side menu: `key` is the path it opens. (A type, not an interface: antd's items want one.) */
export type MenuItem = {
  key: string;
  label: string;
  icon?: ReactNode;
};
