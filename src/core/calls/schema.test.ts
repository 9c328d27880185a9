import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from './js-intl-2026.js';
import { parseCallDocument, parseCallText, toCallDocument } from './schema.js';

describe('shenbao.call/1', () => {
  it('reads the 2026 call back from its document unchanged', () => {
    const read = parseCallDocument(toCallDocument(JS_INTL_2026));
    expect(read).toEqual({ ok: true, call: JSON.parse(JSON.stringify(JS_INTL_2026)) });
  });

  it('names the very field of a ratio without its base', () => {
    const doc = toCallDocument(JS_INTL_2026);
    const terms = doc.topics[4].terms as { funding: { value: { share?: object } } };
    terms.funding.value.share = { percent: 50 };
    const read = parseCallDocument(doc);
    expect(read.ok ? [] : read.problems).toContainEqual({
      path: 'topics.4.terms.funding.value.share.base',
      message: '缺少必填字段',
    });
  });

  it('names a closing time before the opening', () => {
    const doc = toCallDocument(JS_INTL_2026);
    doc.deadlines.submission = { ...doc.deadlines.submission, value: '2026-03-01T17:30:00+08:00' };
    const read = parseCallDocument(doc);
    expect(read.ok ? [] : read.problems).toContainEqual({
      path: 'deadlines.submission.value',
      message: '网上填报截止时间须晚于开放时间',
    });
  });

  it('reports a JSON syntax error at the root', () => {
    const read = parseCallText('{');
    expect(read.ok).toBe(false);
  });
});
