import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getCall, KNOWN_CALLS } from '../core/calls/registry.js';
import { parseCallText, toCallDocument, type CallDocument } from '../core/calls/schema.js';
import { systemClock } from '../server/clock.js';
import { ConfigError, loadDatabaseConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { AppError } from '../server/errors.js';
import { repositories } from '../server/repositories/index.js';
import { CallDocumentService } from '../server/services/call-documents.js';
import { CallService, documentOf } from '../server/services/calls.js';
import { withMigratedDatabase } from './database.js';
import { EXIT, type CliIo } from './io.js';

const HELP = `用法：
  shenbao call export 计划编号 [--out 文件]
      输出平台所存的计划参数（shenbao.call/1 JSON）；数据库中没有该计划时，输出内置的同编号计划。
  shenbao call import 文件
      校验计划参数文件；有误时逐项列出字段路径和说明（退出码 2，不写入）。编号尚不存在时新建为草稿，
      已存在且不是只读时保存为新版本。
  数据库与服务器相同：设置了 DATABASE_URL 时为该 PostgreSQL，否则为 DATA_DIR（默认 ./data）下的 pglite；
  使用 pglite 时须先停止服务器。退出码：0 完成；2 用法、文件、参数或数据库有误。
`;

/** `shenbao call export|import`: a call's parameters as a file, out of and into the platform. */
export async function callCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    io.stdout(HELP);
    return EXIT.judged;
  }
  if (sub === 'export') return exportCall(rest, io);
  if (sub === 'import') return importCall(rest, io);
  io.stderr(`${sub === undefined ? '缺少子命令' : `未知的子命令：${sub}`}\n\n${HELP}`);
  return EXIT.usage;
}

async function exportCall(args: readonly string[], io: CliIo): Promise<number> {
  const [id, ...options] = args;
  const out = options[0] === '--out' ? options[1] : undefined;
  if (!id || id.startsWith('--') || (options.length > 0 && (out === undefined || options.length !== 2))) {
    io.stderr(`用法：shenbao call export 计划编号 [--out 文件]\n`);
    return EXIT.usage;
  }
  let document: CallDocument | undefined;
  try {
    document = await heldDocument(id);
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      io.stderr(`无法读取数据库：${(error as Error).message}\n`);
      return EXIT.usage;
    }
    io.stderr(`${error.message}\n`);
    return EXIT.usage;
  }
  const builtIn = getCall(id);
  document ??= builtIn && toCallDocument(builtIn);
  if (!document) {
    io.stderr(`找不到计划 ${id}：数据库中没有，内置的计划只有 ${KNOWN_CALLS.map((c) => c.id).join('、')}\n`);
    return EXIT.usage;
  }
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (out === undefined) {
    io.stdout(text);
    return EXIT.judged;
  }
  try {
    await writeFile(out, text);
  } catch (error) {
    io.stderr(`无法写入 ${out}：${(error as Error).message}\n`);
    return EXIT.usage;
  }
  io.stderr(`已导出计划 ${document.id} 到 ${out}\n`);
  return EXIT.judged;
}

/** The call as the database holds it; undefined when there is no database or it holds no such call. */
async function heldDocument(id: string): Promise<CallDocument | undefined> {
  const config = loadDatabaseConfig(process.env);
  // Exporting reads: it must not create an empty PGlite directory where the server has never run.
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pglite'))) return undefined;
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const row = await repositories(database.db).calls.findById(id);
    return row && documentOf(row);
  } finally {
    await database.close();
  }
}

async function importCall(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('--')) {
    io.stderr(`用法：shenbao call import 文件\n`);
    return EXIT.usage;
  }
  const file = args[0]!;
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    io.stderr(`无法读取 ${file}：${(error as Error).message}\n`);
    return EXIT.malformed;
  }
  const read = parseCallText(text);
  if (!read.ok) {
    io.stderr(
      `计划参数文件有 ${read.problems.length} 处问题，未导入：\n${read.problems.map((p) => `  ${p.path}：${p.message}`).join('\n')}\n`,
    );
    return EXIT.malformed;
  }
  return withMigratedDatabase(io, async (db) => {
    const repos = repositories(db);
    const service = new CallDocumentService(db, repos, systemClock, new CallService(repos, systemClock));
    const document = toCallDocument(read.call);
    try {
      const held = await repos.calls.findById(document.id);
      if (!held) {
        const view = await service.create(null, document);
        io.stdout(`已新建计划 ${view.row.id}（${view.row.name}），为草稿，第 ${view.row.version} 版\n`);
      } else {
        const view = await service.save(null, held.id, {
          baseVersion: held.version,
          document,
          comment: `由命令行导入 ${file}`,
        });
        io.stdout(`已保存计划 ${view.row.id}（${view.row.name}）为第 ${view.row.version} 版\n`);
      }
      return EXIT.judged;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields = error.fields?.map((f) => `  ${f.path}：${f.message}`).join('\n');
      io.stderr(`未导入：${error.message}\n${fields ? `${fields}\n` : ''}`);
      return EXIT.malformed;
    }
  });
}
