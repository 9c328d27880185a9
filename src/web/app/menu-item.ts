import type { ReactNode } from 'react';
import type { Duty } from '../../contract/vocabulary.js';

/** An entry of the side menu: `key` is the path it opens. (A type, not an interface: antd's items want one.) */
export type MenuItem = {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Shown only to an official holding this duty (管理员 holds every duty). */
  duty?: Duty;
};
