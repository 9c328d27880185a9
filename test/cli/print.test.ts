import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { printSubject } from '../support/factories/print-subject.js';
import { pdfText } from '../support/pdf-text.js';

// `shenbao print`, writing the forms of a bundle's application, read back with pdf.js.

const BUNDLE = JSON.stringify(printSubject().bundle);
const FINGERPRINT = 'c0ffee'.repeat(10) + 'beef';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shenbao-print-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('shenbao print', () => {
  it('prints the four forms of an application as a draft, watermarked 草稿 on every page', async () => {
    const out = join(dir, 'a1.pdf');
    const run = await runCli(['print', 'b.json', '--application', 'a1', '--out', out], { 'b.json': BUNDLE });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('草稿');
    const { pages, text } = await pdfText(await readFile(out));
    for (const title of ['计划类别', '单位信息表', '项目信息表', '项目申报书']) expect(text).toContain(title);
    for (const page of pages) expect(page).toContain('草稿，不作签字盖章用');
  }, 60_000);

  it('with the snapshot’s fingerprint, prints the final forms chosen by --form', async () => {
    const out = join(dir, 'cover.pdf');
    const run = await runCli(
      [
        'print',
        'b.json',
        '--application',
        'a1',
        '--out',
        out,
        '--form',
        'cover',
        '--fingerprint',
        FINGERPRINT,
      ],
      { 'b.json': BUNDLE },
    );
    expect(run.code).toBe(0);
    const { pages } = await pdfText(await readFile(out));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(FINGERPRINT);
    expect(pages[0]).not.toContain('草稿');
  }, 60_000);

  it('an application the bundle does not hold: exit 2, names the ones it holds, writes nothing', async () => {
    const out = join(dir, 'x.pdf');
    const run = await runCli(['print', 'b.json', '--application', 'zz', '--out', out], { 'b.json': BUNDLE });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('数据包中没有编号为 “zz” 的申报项目');
    expect(run.stderr).toContain('a1（');
    expect(existsSync(out)).toBe(false);
  });

  it('a malformed bundle, an unknown form or a bad fingerprint: exit 2, nothing written', async () => {
    const out = join(dir, 'x.pdf');
    const bad = await runCli(['print', 'b.json', '--application', 'a1', '--out', out], {
      'b.json': '{"format":1}',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('申报数据包格式有误');
    const form = await runCli(['print', 'b.json', '--application', 'a1', '--out', out, '--form', 'budget'], {
      'b.json': BUNDLE,
    });
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('--form budget');
    const hash = await runCli(
      ['print', 'b.json', '--application', 'a1', '--out', out, '--fingerprint', 'abc'],
      {
        'b.json': BUNDLE,
      },
    );
    expect(hash.code).toBe(2);
    expect(hash.stderr).toContain('SHA-256');
    expect(existsSync(out)).toBe(false);
  });
});
