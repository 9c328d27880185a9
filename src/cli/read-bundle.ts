import { parseBundleText, type ParseOptions } from '../core/bundle/parse.js';
import type { Bundle } from '../core/bundle/schema.js';
import type { CliIo } from './io.js';

/**
 * Reads and parses a bundle for a command. On a missing file or a malformed bundle it names every problem
 * on stderr, saying what was not done (`consequence`), and gives `undefined`: the command exits 2. `options` as
 * parseBundle's (`check --call` accepts a bundle of any call).
 */
export async function readBundle(
  path: string,
  io: CliIo,
  consequence: string,
  options?: ParseOptions,
): Promise<Bundle | undefined> {
  let source: string;
  try {
    source = await io.readText(path);
  } catch (error) {
    io.stderr(`无法读取 ${path}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return undefined;
  }
  const parsed = parseBundleText(source, options);
  if (!parsed.ok) {
    io.stderr(`申报数据包格式有误（${parsed.problems.length} 处），${consequence}：\n`);
    for (const p of parsed.problems) io.stderr(`${p.path}: ${p.message}\n`);
    return undefined;
  }
  return parsed.bundle;
}
