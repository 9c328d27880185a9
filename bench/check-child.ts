import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkPhases, duplicateDigest, type CheckModules } from './check-phases.js';

// Child of bench:check: `shenbao check`'s phases on <bundle file> by the code under <tree>/src (this checkout's,
// or the baseline's), each in a fresh process.
// Prints one line of JSON: each phase's milliseconds, the ratio, the eligible count and the duplicate findings' digest.

const [tree, file] = process.argv.slice(2) as [string, string];
const load = (path: string) => import(pathToFileURL(join(tree, 'src', path)).href);
const modules: CheckModules = {
  parseBundle: ((await load('core/bundle/parse.ts')) as CheckModules).parseBundle,
  checkBundle: ((await load('core/check.ts')) as CheckModules).checkBundle,
};
const { phases, whole, ratio, report } = checkPhases(file, modules);
console.log(
  JSON.stringify({
    phases: Object.fromEntries(phases),
    whole,
    ratio,
    eligible: report.applications.filter((a) => a.eligible).length,
    duplicates: duplicateDigest(report),
  }),
);
