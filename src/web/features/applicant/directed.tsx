import { Alert } from 'antd';
import type { CallDto } from '../../shared/api.js';
import { contactsOf } from './directed-streams.js';

/** Why some streams are not offered, with whom to ask. */
export function DirectedNotice({ call, withheld }: { call: CallDto; withheld: string[] }) {
  if (withheld.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="directed-notice"
      style={{ marginBottom: 16 }}
      title={`${withheld.join('、')}为定向组织，仅受邀单位可申报`}
      description={`本方向为定向组织，仅受邀单位可申报；如需申报请联系${contactsOf(call)}。`}
    />
  );
}
