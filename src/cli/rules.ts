import { RULE_CATALOGUE } from '../core/rules/catalogue.js';
import type { CliIo } from './io.js';

const SEVERITY = { error: '错误', warning: '提示' } as const;

export async function rulesCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--json')) {
    io.stdout(`${JSON.stringify(RULE_CATALOGUE, null, 2)}\n`);
  } else {
    for (const r of RULE_CATALOGUE) io.stdout(`${r.id}\t${SEVERITY[r.severity]}\t${r.clause}\t${r.title}\n`);
  }
  return 0;
}
