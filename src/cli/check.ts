import { checkBundle } from '../core/check.js';
import type { CallParameters } from '../core/calls/parameters.js';
import { getCall } from '../core/calls/registry.js';
import { parseCallText } from '../core/calls/schema.js';
import { renderTextReport } from '../core/report/text.js';
import { EXIT, type CliIo } from './io.js';
import { readBundle } from './read-bundle.js';

export const CHECK_USAGE = '用法：shenbao check [--call CALL.json] <BUNDLE.json | -> [--text]';

/**
 * `shenbao check`: exit 0 when the bundle was judged, 2 when it, or the call file of `--call`, could not be read or
 * is malformed. With `--call` the bundle is judged under that call whatever its own `call` says.
 */
export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const text = args.includes('--text');
  const at = args.indexOf('--call');
  const callFile = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((a, i) => a !== '--text' && (at < 0 || (i !== at && i !== at + 1)));
  const unknown = files.filter((a) => a.startsWith('--'));
  if (files.length !== 1 || unknown.length > 0 || (at >= 0 && (!callFile || callFile.startsWith('--')))) {
    io.stderr(`${unknown.length > 0 ? `未知选项：${unknown.join(' ')}\n` : ''}${CHECK_USAGE}\n`);
    return EXIT.usage;
  }
  let call: CallParameters | undefined;
  if (callFile !== undefined) {
    call = await readCall(callFile, io);
    if (!call) return EXIT.malformed;
  }
  const bundle = await readBundle(files[0]!, io, '未作检查', call && { knownCall: () => true });
  if (!bundle) return EXIT.malformed;
  call ??= getCall(bundle.call)!;
  const report = checkBundle(bundle, call);
  io.stdout(text ? renderTextReport(report, bundle, call) : `${JSON.stringify(report, null, 2)}\n`);
  return EXIT.judged;
}

/** Reads a `shenbao.call/1` file, or names every problem on stderr and gives `undefined`. */
async function readCall(path: string, io: CliIo): Promise<CallParameters | undefined> {
  let source: string;
  try {
    source = await io.readText(path);
  } catch (error) {
    io.stderr(`无法读取 ${path}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return undefined;
  }
  const parsed = parseCallText(source);
  if (!parsed.ok) {
    io.stderr(`计划文件 ${path} 有误（${parsed.problems.length} 处），未作检查：\n`);
    for (const p of parsed.problems) io.stderr(`${p.path}: ${p.message}\n`);
    return undefined;
  }
  return parsed.call;
}
