import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../server/audit/chain.js';
import { CheckpointStore, verifyAgainstCheckpoints } from '../server/audit/checkpoints.js';
import { ConfigError, loadAuditVerifyConfig, loadDatabaseConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { AuditRepository } from '../server/repositories/audit.js';
import { EXIT, type CliIo } from './io.js';

export const AUDIT_USAGE = 'shenbao audit verify';

const HELP = `用法：${AUDIT_USAGE}
  逐条校验审计日志的哈希链（按序号从第 1 条起），再与数据库之外的签名检查点逐条对照，证明其完整，
  或指出第一处断开、被改写或被截断的记录。
  数据库与服务器相同：设置了 DATABASE_URL 时为该 PostgreSQL，否则为 DATA_DIR（默认 ./data）下的 pglite。
  检查点在 AUDIT_CHECKPOINT_DIR（默认 DATA_DIR/audit-checkpoints）；公钥取自 AUDIT_PUBLIC_KEY_FILE，
  未设置时取自服务器的签名私钥 AUDIT_SIGNING_KEY_FILE。
  退出码：0 完整；1 链条断开或与检查点不一致（输出第一处有问题的序号和原因）；2 用法、环境变量有误或数据库无法读取。
`;

export const AUDIT_EXIT = { intact: 0, broken: 1, unreadable: 2 } as const;

export async function auditCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    io.stdout(HELP);
    return EXIT.judged;
  }
  if (args.length !== 1 || args[0] !== 'verify') {
    io.stderr(`${args.length === 0 ? '缺少子命令' : `未知的参数：${args.join(' ')}`}\n\n${HELP}`);
    return EXIT.usage;
  }
  let config;
  let anchors;
  try {
    config = loadDatabaseConfig(process.env);
    anchors = loadAuditVerifyConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`${error.message}\n`);
    return AUDIT_EXIT.unreadable;
  }
  // The server creates its PGlite directory on start; verifying must not create an empty one.
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pglite'))) {
    io.stderr(`找不到数据库：${join(config.dataDir, 'pglite')} 不存在（请设置 DATA_DIR 或 DATABASE_URL）\n`);
    return AUDIT_EXIT.unreadable;
  }
  const checkpoints = await new CheckpointStore(anchors.checkpointDir).list();
  if (checkpoints.length > 0 && !anchors.publicKeyPem) {
    io.stderr(
      '找不到核验检查点的公钥：请设置 AUDIT_PUBLIC_KEY_FILE（或服务器所用的 AUDIT_SIGNING_KEY_FILE）\n',
    );
    return AUDIT_EXIT.unreadable;
  }
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const audit = new AuditRepository(database.db);
    const verdict = await verifyChain(audit.all());
    if (!verdict.intact) {
      io.stdout(
        `审计日志在第 ${verdict.brokenAt} 条记录处断开：${verdict.reason}（此前 ${verdict.entries} 条完整）\n`,
      );
      return AUDIT_EXIT.broken;
    }
    if (checkpoints.length === 0) {
      io.stderr(`提示：${anchors.checkpointDir} 中尚无签名检查点，只校验了哈希链本身\n`);
    } else {
      const anchored = await verifyAgainstCheckpoints(audit.all(), checkpoints, anchors.publicKeyPem!);
      if (!anchored.anchored) {
        io.stdout(`审计日志自第 ${anchored.firstBadSeq} 条记录起有问题：${anchored.reason}\n`);
        return AUDIT_EXIT.broken;
      }
    }
    io.stdout(`审计日志完整：${verdict.entries} 条记录，链尾哈希 ${verdict.headHash}\n`);
    if (checkpoints.length > 0) {
      io.stdout(
        `与 ${checkpoints.length} 个签名检查点一致（已锚定至第 ${Math.max(...checkpoints.map((c) => c.seq))} 条）\n`,
      );
    }
    return AUDIT_EXIT.intact;
  } catch (error) {
    io.stderr(`无法读取审计日志：${(error as Error).message}\n`);
    return AUDIT_EXIT.unreadable;
  } finally {
    await database.close();
  }
}
