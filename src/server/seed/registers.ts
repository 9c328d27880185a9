import { createHash } from 'node:crypto';
import { registerColumns, type RegisterKind } from '../../core/registers/kinds.js';
import type { Sheet } from '../../core/registers/sheet.js';
import type { Repositories } from '../repositories/index.js';
import { principalOf, type PrincipalOf } from '../principal.js';
import type { Services } from '../services/index.js';
import { PRACTICE_CALL_ID } from './calls.js';

// The demo's registers, imported by the province through the same service as an uploaded file. They change
// what the demo shows: the enterprise's draft meets an ongoing 前沿技术 project of its own and of its PI, and
// the university's submitted 专题二 application meets its own near-identical submission to 省发展改革委.

type Row = Record<string, string>;

function sheetOf(kind: RegisterKind, rows: Row[]): Sheet {
  const headers = registerColumns(kind).map((c) => c.header);
  return { headers, rows: rows.map((row, i) => ({ row: i + 2, cells: headers.map((h) => row[h] ?? '') })) };
}

async function importDemo(
  services: Services,
  actor: PrincipalOf<'province'>,
  kind: RegisterKind,
  fileName: string,
  rows: Row[],
  callId?: string,
) {
  const sheet = sheetOf(kind, rows);
  const sha256 = createHash('sha256').update(JSON.stringify(sheet)).digest('hex');
  await services.registers.commit(actor, kind, { fileName, sha256, sheet }, callId);
}

export async function seedRegisters(
  repos: Repositories,
  services: Services,
  provinceLogin: string,
): Promise<void> {
  const actor = principalOf((await repos.users.findByLogin(provinceLogin))!) as PrincipalOf<'province'>;

  await importDemo(services, actor, 'ongoing-projects', '演示：省科技计划在研项目.xlsx', [
    {
      项目编号: 'BE2025071',
      计划类别: '前沿技术',
      承担单位名称: '南京星河智能装备有限公司',
      承担单位统一社会信用代码: '91320100MA1W7K3P4B',
      项目名称: '高动态伺服电机前沿控制技术研究',
      项目负责人: '张伟',
      执行期起: '2025-07-01',
      执行期止: '2028-06-30',
    },
  ]);

  await importDemo(services, actor, 'dishonesty', '演示：失信记录.xlsx', [
    {
      主体类型: '单位',
      单位名称或姓名: '苏州先进材料研究所',
      统一社会信用代码: '12320500MB1K2L3M8T',
      处理期起: '2023-01-01',
      处理期止: '2025-12-31',
      认定来源: '省科技厅科研诚信',
      文号或记录编号: '苏科监〔2023〕12号',
      失信行为及处理: '逾期未提交项目验收材料，取消申报资格至 2025 年底（已期满，不影响本年度申报）',
    },
  ]);

  await importDemo(
    services,
    actor,
    'external-submissions',
    '演示：同年度其他部门申报.xlsx',
    [
      {
        受理部门: '省发展改革委',
        '计划（专项）名称': '省现代农业产业技术创新专项',
        申报单位名称: '东南大学',
        申报单位统一社会信用代码: '12320000MB0A12342M',
        项目负责人: '李娜',
        项目名称: '中哈智慧农业联合实验室：低功耗土壤墒情传感网络',
        主要研究内容:
          '依托中哈联合实验室，联合研制低功耗物联网土壤墒情传感网络与灌溉决策模型，在苏北开展示范推广。',
        是否定向组织: '否',
      },
      {
        受理部门: '省商务厅',
        '计划（专项）名称': '省级外经贸发展专项',
        申报单位名称: '苏州先进材料研究所',
        申报单位统一社会信用代码: '12320500MB1K2L3M8T',
        项目负责人: '赵磊',
        项目名称: '先进材料出口服务平台建设',
        主要研究内容: '建设面向东盟市场的先进材料检测认证与出口服务平台。',
        是否定向组织: '否',
      },
    ],
    PRACTICE_CALL_ID,
  );
}
