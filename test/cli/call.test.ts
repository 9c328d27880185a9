import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { toCallDocument } from '../../src/core/calls/schema.js';
import { runCli } from '../support/cli.js';

// `shenbao call export|import` against a PGlite data directory of its own.

const MIGRATING_TIMEOUT_MS = 120_000;
const dirs: string[] = [];
const CALL_2027 = readFileSync(new URL('../../calls/js-intl-2027.call.json', import.meta.url), 'utf8');

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shenbao-call-'));
  dirs.push(dir);
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DATA_DIR', dir);
  return dir;
}

afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('shenbao call', () => {
  it('没有数据库时导出内置的 2026 年计划，与 calls/ 中的文件相同，且不创建数据目录', async () => {
    const dataDir = await freshDataDir();
    const run = await runCli(['call', 'export', 'JS-INTL-2026']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(toCallDocument(JS_INTL_2026));
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });

  it('参数有误的文件：退出码 2，逐项列出字段路径和说明，不写入数据库', async () => {
    const dataDir = await freshDataDir();
    const bad = JSON.parse(CALL_2027) as {
      topics: Record<string, { terms: { funding: { value: object } } }>;
    };
    bad.topics['2']!.terms.funding.value = { cap: -1, share: { percent: 50 } };
    const run = await runCli(['call', 'import', 'bad.call.json'], { 'bad.call.json': JSON.stringify(bad) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('topics.2.terms.funding.value.cap：应大于 0');
    expect(run.stderr).toContain('topics.2.terms.funding.value.share.base：缺少必填字段');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });

  it(
    '导入新计划为草稿；再次导入修改后的文件保存为新版本；导出的是数据库中的版本',
    async () => {
      await freshDataDir();
      const created = await runCli(['call', 'import', 'c.json'], { 'c.json': CALL_2027 });
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/已新建计划 JS-INTL-2027.*草稿/);

      const changed = JSON.parse(CALL_2027) as {
        topics: Record<string, { terms: { funding: { value: { cap: number } } } }>;
      };
      changed.topics['2']!.terms.funding.value.cap = 1_200_000;
      const saved = await runCli(['call', 'import', 'c.json'], { 'c.json': JSON.stringify(changed) });
      expect(saved.code).toBe(0);
      expect(saved.stdout).toMatch(/已保存计划 JS-INTL-2027.*第 \d+ 版/);

      const exported = await runCli(['call', 'export', 'JS-INTL-2027']);
      expect(exported.code).toBe(0);
      const doc = JSON.parse(exported.stdout) as typeof changed;
      expect(doc.topics['2']!.terms.funding.value.cap).toBe(1_200_000);
    },
    MIGRATING_TIMEOUT_MS,
  );
});
