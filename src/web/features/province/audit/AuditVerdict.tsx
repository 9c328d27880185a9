import { Alert } from 'antd';
import type { AuditVerdictDto } from '../../../../contract/audit.js';

/** The server's walk of the hash chain: intact to its head, or where it breaks and why. */
export function AuditVerdict({ verdict }: { verdict: AuditVerdictDto }) {
  return verdict.intact ? (
    <Alert
      type="success"
      showIcon
      data-testid="audit-verdict"
      title={`审计日志完整：${verdict.entries} 条记录`}
      description={`链尾哈希 ${verdict.headHash}`}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verdict"
      title={`审计日志在第 ${verdict.brokenAt} 条记录处断开`}
      description={`${verdict.reason}（此前 ${verdict.entries} 条完整）`}
    />
  );
}
