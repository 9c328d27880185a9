import { ADMIN_USAGE, adminCommand } from './admin.js';
import { AUDIT_USAGE, auditCommand } from './audit.js';
import { callCommand } from './call.js';
import { CHECK_USAGE, checkCommand } from './check.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { PRINT_USAGE, printCommand } from './print.js';
import { rulesCommand } from './rules.js';
import { SUMMARY_USAGE, summaryCommand } from './summary.js';

const USAGE = `shenbao — 江苏省科技计划项目申报系统

命令：
  ${CHECK_USAGE}
      按通知规则检查申报数据包（shenbao.bundle/1），输出 shenbao.report/1 JSON；--text 输出中文报告。
      --call 按计划文件（shenbao.call/1）的参数检查，不论数据包的 call 为何。
      退出码：0 已检查；2 数据包或计划文件无法读取或格式有误（错误写到标准错误，逐项列出字段路径）。
  ${SUMMARY_USAGE}
      生成项目主管部门（设区市含所辖县（市））的推荐项目汇总表（通知附件格式，A4 横向 .xlsx）。
      退出码：0 已生成；2 数据包有误、主管部门不存在或选项有误（不写出文件）。
  ${PRINT_USAGE}
      生成一个申报项目的封面、单位信息表、项目信息表、项目申报书（A4 PDF）；数据包不是定稿快照，
      未给出 --fingerprint 时为草稿（每页“草稿”水印）。退出码：0 已生成；2 数据包有误、项目不存在或选项有误（不写出文件）。
  shenbao rules [--json]
      列出全部规则：编号、级别、依据条款、要求。
  ${AUDIT_USAGE}
      校验审计日志的哈希链（数据库同服务器：DATABASE_URL，或 DATA_DIR 下的 pglite）。
      退出码：0 完整；1 链条断开（指出第一处断开的序号和原因）；2 环境变量有误或数据库无法读取。
  shenbao call export 计划编号 [--out 文件]
      输出平台所存的计划参数（shenbao.call/1 JSON）；数据库中没有该计划时，输出内置的同编号计划。
  shenbao call import 文件
      校验计划参数文件并导入：编号尚不存在时新建为草稿，已存在且不是只读时保存为新版本。
      退出码：0 已导出或已导入；2 用法或文件有误（逐项列出字段路径和说明，不写入），或数据库无法打开。
  ${ADMIN_USAGE}
      创建首位省级管理员（数据库同服务器；已有启用的省级管理员时不创建）。未给出的项在终端中询问。
      退出码：0 已创建或已有管理员；2 用法、输入或环境变量有误，或数据库无法打开。
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  admin: adminCommand,
  audit: auditCommand,
  call: callCommand,
  check: checkCommand,
  print: printCommand,
  rules: rulesCommand,
  summary: summaryCommand,
};

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.judged;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`未知命令：${name}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(args, io);
  } catch (error) {
    // A defect of ours, not the user's input: say so plainly, without a stack trace.
    io.stderr(`shenbao 内部错误：${(error as Error).message}\n`);
    return EXIT.internal;
  }
}
