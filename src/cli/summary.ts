import { dateSchema } from '../core/bundle/schema.js';
import { checkBundle } from '../core/check.js';
import { summaryTable } from '../core/summary/summary-table.js';
import { writeSummaryXlsx } from '../server/io/summary-xlsx.js';
import { EXIT, type CliIo } from './io.js';
import { readBundle } from './read-bundle.js';

export const SUMMARY_USAGE =
  '用法：shenbao summary <BUNDLE.json | -> --department 主管部门ID --out 汇总表.xlsx [--contact 联系人] [--phone 联系电话] [--date YYYY-MM-DD]';

const OPTIONS = ['--department', '--out', '--contact', '--phone', '--date'] as const;
type Option = (typeof OPTIONS)[number];

type Parsed = { files: string[]; values: Partial<Record<Option, string>> } | { problem: string };

function parseArgs(args: readonly string[]): Parsed {
  const files: string[] = [];
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    if (!(OPTIONS as readonly string[]).includes(arg)) return { problem: `未知选项：${arg}` };
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return { problem: `选项 ${arg} 缺少取值` };
    values[arg as Option] = value;
    i++;
  }
  const missing = (['--department', '--out'] as const).filter((o) => values[o] === undefined);
  if (missing.length > 0) return { problem: `缺少选项：${missing.join(' ')}` };
  if (files.length !== 1) return { problem: '须给出一个申报数据包' };
  if (values['--date'] !== undefined && !dateSchema.safeParse(values['--date']).success) {
    return { problem: `--date ${values['--date']}：应为 YYYY-MM-DD 格式的有效日期` };
  }
  return { files, values };
}

/** `shenbao summary`: writes a department's 推荐项目汇总表 as .xlsx; exit 2 on bad input, writing nothing. */
export async function summaryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('problem' in parsed) {
    io.stderr(`${parsed.problem}\n${SUMMARY_USAGE}\n`);
    return EXIT.usage;
  }
  const { values } = parsed;
  const bundle = await readBundle(parsed.files[0]!, io, '未生成汇总表');
  if (!bundle) return EXIT.malformed;
  const departmentId = values['--department']!;
  const table = summaryTable(bundle, checkBundle(bundle), {
    departmentId,
    contact: values['--contact'],
    phone: values['--phone'],
    date: values['--date'],
  });
  if (!table) {
    const known = bundle.departments.map((d) => `${d.id}（${d.name}）`).join('、') || '无';
    io.stderr(
      `数据包中没有编号为 “${departmentId}” 的项目主管部门，未生成汇总表。可用的主管部门：${known}\n`,
    );
    return EXIT.usage;
  }
  const out = values['--out']!;
  try {
    await writeSummaryXlsx(table, out);
  } catch (error) {
    io.stderr(`无法写入 ${out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT.usage;
  }
  io.stdout(`已生成${table.header.departmentName}推荐项目汇总表（${table.rows.length} 项）：${out}\n`);
  return EXIT.judged;
}
