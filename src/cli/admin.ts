import { systemClock } from '../server/clock.js';
import { AppError } from '../server/errors.js';
import { checkFirstProvinceAdmin, seedProvinceAdmin } from '../server/seed/province-admin.js';
import type { FirstProvinceAdmin } from '../contract/accounts.js';
import { withMigratedDatabase } from './database.js';
import { EXIT, type CliIo } from './io.js';

export const ADMIN_USAGE =
  'shenbao admin create-province-admin [--login 登录名] [--name 姓名] [--mobile 手机号码] [--email 电子邮箱] [--password 密码 | --password-stdin]';

const HELP = `用法：${ADMIN_USAGE}
  创建首位省级管理员（拥有全部职责，可在“账号管理”中创建其他账号）。已有启用的省级管理员时不创建，
  退出码仍为 0，可重复执行。未给出的项在终端中逐项询问（密码不回显，须输入两次）；
  非交互运行时须全部给出，密码可用 --password-stdin 从标准输入读入（避免留在命令历史中）。
  数据库与服务器相同：设置了 DATABASE_URL 时为该 PostgreSQL，否则为 DATA_DIR（默认 ./data）下的 pglite；
  尚未初始化的数据库先按服务器启动时的方式迁移。使用 pglite 时须先停止服务器（pglite 只能由一个进程打开）。
  退出码：0 已创建或已有管理员；2 用法、输入或环境变量有误（逐项说明），或数据库无法打开。
`;

const FLAGS: Readonly<Record<string, keyof FirstProvinceAdmin>> = {
  '--login': 'login',
  '--name': 'displayName',
  '--mobile': 'mobile',
  '--email': 'email',
  '--password': 'password',
};

const QUESTIONS: Readonly<Record<keyof FirstProvinceAdmin, string>> = {
  login: '登录名：',
  displayName: '姓名：',
  mobile: '手机号码：',
  email: '电子邮箱：',
  password: '密码：',
};

type Given = Partial<Record<keyof FirstProvinceAdmin, string>>;

function parseArgs(args: readonly string[]): { given: Given; passwordStdin: boolean } | { problem: string } {
  const given: Given = {};
  let passwordStdin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--password-stdin') {
      passwordStdin = true;
      continue;
    }
    const field = FLAGS[arg];
    if (!field) return { problem: `未知的参数：${arg}` };
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return { problem: `选项 ${arg} 缺少取值` };
    given[field] = value;
    i++;
  }
  if (passwordStdin && given.password !== undefined) {
    return { problem: '--password 与 --password-stdin 只能用一个' };
  }
  return { given, passwordStdin };
}

/** Asks for what the flags left out, a password twice until both agree; undefined when nobody can answer. */
async function completeAtTerminal(given: Given, io: CliIo): Promise<Given | undefined> {
  const answers: Given = { ...given };
  for (const field of Object.keys(QUESTIONS) as (keyof FirstProvinceAdmin)[]) {
    if (answers[field] !== undefined) continue;
    const secret = field === 'password';
    for (;;) {
      const answer = await io.ask(QUESTIONS[field], secret);
      if (answer === undefined) return undefined;
      if (!secret || (await io.ask('再次输入密码：', true)) === answer) {
        answers[field] = answer;
        break;
      }
      io.stderr('两次输入的密码不一致，请重新输入\n');
    }
  }
  return answers;
}

/** `shenbao admin create-province-admin`: the first province administrator, without a seed. */
export async function adminCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    io.stdout(HELP);
    return EXIT.judged;
  }
  if (args[0] !== 'create-province-admin') {
    io.stderr(`${args.length === 0 ? '缺少子命令' : `未知的子命令：${args[0]}`}\n\n${HELP}`);
    return EXIT.usage;
  }
  const parsed = parseArgs(args.slice(1));
  if ('problem' in parsed) {
    io.stderr(`${parsed.problem}\n${ADMIN_USAGE}\n`);
    return EXIT.usage;
  }
  const given = { ...parsed.given };
  if (parsed.passwordStdin) given.password = (await io.readText('-')).replace(/\r?\n$/, '');
  const answers = (await completeAtTerminal(given, io)) ?? given;
  const missing = (Object.keys(FLAGS) as (keyof typeof FLAGS)[]).filter(
    (flag) => answers[FLAGS[flag]!] === undefined,
  );
  if (missing.length > 0) {
    io.stderr(`缺少选项：${missing.join(' ')}（非交互运行时须全部给出）\n${ADMIN_USAGE}\n`);
    return EXIT.usage;
  }
  const checked = checkFirstProvinceAdmin(answers as Record<keyof FirstProvinceAdmin, string>);
  if ('problems' in checked) {
    io.stderr(`未创建管理员：\n${checked.problems.map((p) => `  ${p.message}`).join('\n')}\n`);
    return EXIT.usage;
  }

  return withMigratedDatabase(io, async (db) => {
    try {
      const { created, user } = await seedProvinceAdmin(db, systemClock, checked.admin, '命令行');
      io.stdout(
        created
          ? `已创建省级管理员 ${user.login}（${user.displayName}），拥有全部职责；请用它登录后在“账号管理”中创建其他账号。\n`
          : `已有启用的省级管理员 ${user.login}（${user.displayName}），未创建新账号；其他账号请由管理员在“账号管理”中创建。\n`,
      );
      return EXIT.judged;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.stderr(`未创建管理员：${error.message}\n`);
      return EXIT.usage;
    }
  });
}
