import { checkBundle } from '../core/check.js';
import { getCall } from '../core/calls/registry.js';
import { renderTextReport } from '../core/report/text.js';
import { EXIT, type CliIo } from './io.js';
import { readBundle } from './read-bundle.js';

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
  const bundle = await readBundle(files[0]!, io, '未作检查');
  if (!bundle) return EXIT.malformed;
  const call = getCall(bundle.call)!;
  const report = checkBundle(bundle, call);
  io.stdout(text ? renderTextReport(report, bundle, call) : `${JSON.stringify(report, null, 2)}\n`);
  return EXIT.judged;
}
