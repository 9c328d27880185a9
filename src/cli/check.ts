import { parseBundleText } from '../core/bundle/parse.js';
import { checkBundle } from '../core/check.js';
import { getCall } from '../core/calls/registry.js';
import { renderTextReport } from '../core/report/text.js';
import { EXIT, type CliIo } from './io.js';

export const CHECK_USAGE = '用法：shenbao check <BUNDLE.json | -> [--text]';

/** `shenbao check`: exit 0 when the bundle was judged, 2 when it could not be read or is malformed. */
export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const text = args.includes('--text');
  const files = args.filter((a) => a !== '--text');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (files.length !== 1 || unknown.length > 0) {
    io.stderr(`${unknown.length > 0 ? `未知选项：${unknown.join(' ')}\n` : ''}${CHECK_USAGE}\n`);
    return EXIT.usage;
  }
  const path = files[0]!;
  let source: string;
  try {
    source = await io.readText(path);
  } catch (error) {
    io.stderr(`无法读取 ${path}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT.malformed;
  }
  const parsed = parseBundleText(source);
  if (!parsed.ok) {
    io.stderr(`申报数据包格式有误（${parsed.problems.length} 处），未作检查：\n`);
    for (const p of parsed.problems) io.stderr(`${p.path}: ${p.message}\n`);
    return EXIT.malformed;
  }
  const call = getCall(parsed.bundle.call)!;
  const report = checkBundle(parsed.bundle, call);
  io.stdout(text ? renderTextReport(report, parsed.bundle, call) : `${JSON.stringify(report, null, 2)}\n`);
  return EXIT.judged;
}
