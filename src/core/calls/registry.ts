import { JS_INTL_2026 } from './js-intl-2026.js';
import type { CallParameters } from './parameters.js';

const CALLS: ReadonlyMap<string, CallParameters> = new Map([[JS_INTL_2026.id, JS_INTL_2026]]);

export function isKnownCall(id: string): boolean {
  return CALLS.has(id);
}

export function getCall(id: string): CallParameters | undefined {
  return CALLS.get(id);
}

export const KNOWN_CALLS: readonly CallParameters[] = [...CALLS.values()];
