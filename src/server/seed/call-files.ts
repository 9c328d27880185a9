import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCallText } from '../../core/calls/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';

// The call files of the repository's `calls/` folder: the same path from src/server/seed and dist/server/seed.
const CALLS_FOLDER = new URL('../../../calls/', import.meta.url);

/** The example calls shipped as `shenbao.call/1` files, by file name without `.call.json`. */
export const CALL_FILES = {
  bilateral: 'js-bilateral-sg-no-2026',
  next: 'js-intl-2027',
} as const;

/** Reads and validates `calls/<name>.call.json`; a bad file is a broken checkout, thrown with every problem. */
export function readCallFile(name: string): CallParameters {
  const path = fileURLToPath(new URL(`${name}.call.json`, CALLS_FOLDER));
  const parsed = parseCallText(readFileSync(path, 'utf8'));
  if (!parsed.ok)
    throw new Error(`${path}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.call;
}
