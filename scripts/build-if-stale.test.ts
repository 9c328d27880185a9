import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale, type Target } from './build-if-stale.js';

const target: Target = {
  script: 'build:server',
  inputs: ['src', 'package.json'],
  skip: [join('src', 'web')],
  output: join('dist', 'main.js'),
};

/** A project whose files were last written at the given times (seconds since the epoch). */
function project(times: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'shenbao-build-'));
  for (const [path, seconds] of Object.entries(times)) {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  }
  return root;
}

describe('npm start 只在需要时构建', () => {
  it('从未构建：要构建', () => {
    expect(isStale(target, project({ 'src/a.ts': 100, 'package.json': 100 }))).toBe(true);
  });

  it('构建晚于所有源文件：跳过', () => {
    const root = project({ 'src/a.ts': 100, 'src/deep/b.ts': 150, 'package.json': 100, 'dist/main.js': 200 });
    expect(isStale(target, root)).toBe(false);
  });

  it('任何一个源文件（含子目录）或配置更新过：重新构建', () => {
    expect(isStale(target, project({ 'src/deep/b.ts': 300, 'dist/main.js': 200 }))).toBe(true);
    expect(isStale(target, project({ 'src/a.ts': 100, 'package.json': 300, 'dist/main.js': 200 }))).toBe(
      true,
    );
  });

  it('属于另一目标的目录不算', () => {
    expect(isStale(target, project({ 'src/a.ts': 100, 'src/web/page.tsx': 300, 'dist/main.js': 200 }))).toBe(
      false,
    );
  });
});
