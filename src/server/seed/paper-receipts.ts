import { principalOf, type PrincipalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { Services } from '../services/index.js';
import { PRACTICE_CALL_ID } from './calls.js';

// 纸质材料登记 in the demo: 无锡市科学技术局 (which confirmed its list in province-stage.ts) delivered its 汇总表 and
// 诚信承诺书 in two parts, so the register shows copies adding up and the department's page shows them received.

const DEPARTMENT = '无锡市科学技术局';

export async function seedPaperReceipts(repos: Repositories, services: Services): Promise<void> {
  const [department] = await repos.departments.findByNames([DEPARTMENT]);
  const confirmation = department && (await repos.review.confirmation(department.id, PRACTICE_CALL_ID));
  if (!department || !confirmation) throw new Error(`demo paper: ${DEPARTMENT} has not confirmed its list`);
  const province = principalOf((await repos.users.findByLogin('demo-province'))!) as PrincipalOf<'province'>;
  // At the confirmation's instant: the demo's clock has passed it, whatever clock the seed runs under.
  const receivedAt = confirmation.confirmedAt.toISOString();
  for (const note of ['推荐项目汇总表及诚信承诺书一份，另一份承诺书待补', '补交诚信承诺书一份']) {
    await services.paper.record(province, {
      callId: PRACTICE_CALL_ID,
      kind: 'department-materials',
      departmentId: department.id,
      copies: 1,
      receivedAt,
      receiver: '李彬',
      note,
    });
  }
}
