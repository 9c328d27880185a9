/// <reference types="vite/client" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseBundle } from '../../src/core/bundle/parse.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { getCall } from '../../src/core/calls/registry.js';
import type * as Registry from '../../src/core/calls/registry.js';
import { parseCallText, toCallDocument, type CallDocument } from '../../src/core/calls/schema.js';
import { checkBundle } from '../../src/core/check.js';

// The 2026 call as the committed document (calls/js-intl-2026.call.json, from `shenbao call export JS-INTL-2026`):
// equal to the coded call, and judging every verdict case exactly as it. Here the registry answers the call read
// from the file, so that every rule's case table, loaded below, runs again under it.

const FILE = join(import.meta.dirname, '../../calls/js-intl-2026.call.json');

// Read as plain JSON: the schema's modules import the registry, which is being mocked here. That the two readings
// agree is the second test below.
vi.mock('../../src/core/calls/registry.js', async (importOriginal) => {
  const original = await importOriginal<typeof Registry>();
  const { readFileSync: read } = await import('node:fs');
  const { format: _format, ...fromFile } = JSON.parse(
    read(new URL('../../calls/js-intl-2026.call.json', import.meta.url), 'utf8'),
  ) as CallDocument;
  return {
    ...original,
    getCall: (id: string) => (id === fromFile.id ? fromFile : original.getCall(id)),
    KNOWN_CALLS: original.KNOWN_CALLS.map((c) => (c.id === fromFile.id ? fromFile : c)),
  };
});

import.meta.glob('../../src/core/rules/*.test.ts', { eager: true });

const fromFile = () => {
  const read = parseCallText(readFileSync(FILE, 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.call;
};

describe('calls/js-intl-2026.call.json', () => {
  it('是 2026 年计划本身的 shenbao.call/1 文件', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(toCallDocument(JS_INTL_2026));
  });

  it('本文件中的规则用例按文件读出的计划判断', () => {
    expect(getCall(JS_INTL_2026.id)).not.toBe(JS_INTL_2026);
    expect(getCall(JS_INTL_2026.id)).toEqual(fromFile());
  });

  const CASES = join(import.meta.dirname, '../fixtures/cases');
  const bundles = readdirSync(CASES).filter((f) => f.endsWith('.bundle.json'));

  it.each(bundles)('%s：按文件与按代码中的计划判断，报告完全相同', (name) => {
    const parsed = parseBundle(JSON.parse(readFileSync(join(CASES, name), 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(checkBundle(parsed.bundle, fromFile())).toEqual(checkBundle(parsed.bundle, JS_INTL_2026));
  });
});
