import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../../../core/bundle/parse.js';
import { JS_INTL_2026 } from '../../../../../core/calls/js-intl-2026.js';
import { type CallDocument, parseCallDocument, toCallDocument } from '../../../../../core/calls/schema.js';
import { documentOf, drafts, instantOf, namePathOf, pathKey, wallClockOf } from './document.js';

const call2026 = () => toCallDocument(JS_INTL_2026);

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the problem paths of a call document as the editor’s form paths', () => {
  it.each([
    [['topics', '4', 'terms', 'funding', 'value', 'share', 'base']],
    [['contacts', 0, 'value', 'address', 'clause']],
    [['separateSlots', 'value', 1, 'perApplicant']],
    [['topics', '1', 'terms', 'byDirection', 'platform-inbound', 'open', 'value']],
  ] as (string | number)[][][])('%j 写成服务器的路径再读回不变', (path) => {
    expect(pathKey(path)).toBe(formatPath(path));
    expect(namePathOf(formatPath(path))).toEqual(path);
  });

  it('专题的编号无论写成 topics.4 还是 topics[4]，都是表单里的同一个专题', () => {
    expect(namePathOf('topics[4].terms.partner')).toEqual(namePathOf('topics.4.terms.partner'));
  });

  it('重点国别不在允许范围内时，问题落在重点国别字段上', () => {
    const document = call2026() as CallDocument & { topics: { 2: { terms: { partner: unknown } } } };
    const terms = JSON.parse(JSON.stringify(document.topics[2].terms)) as {
      partner: { countries: { value: { key: string[] | null } } };
    };
    terms.partner.countries.value.key = ['US'];
    const checked = parseCallDocument({
      ...document,
      topics: { ...document.topics, 2: { ...document.topics[2], terms } },
    });
    expect(checked.ok).toBe(false);
    const problem = !checked.ok
      ? checked.problems.find((p) => p.message.includes('美国') || p.message.includes('US'))
      : undefined;
    expect(namePathOf(problem!.path)).toEqual([
      'topics',
      '2',
      'terms',
      'partner',
      'countries',
      'value',
      'key',
    ]);
  });
});

describe('the form’s values as a document', () => {
  it('2026 年计划原样往返，仍能通过校验', () => {
    const document = documentOf(call2026());
    expect(document).toEqual(call2026());
    expect(parseCallDocument(document).ok).toBe(true);
  });

  it('清空的名额和没有要素的扫描件不写入文件', () => {
    const values = call2026();
    const edited = {
      ...values,
      quotas: {
        ...values.quotas,
        value: {
          ...values.quotas.value,
          byDepartmentKind: { ...values.quotas.value.byDepartmentKind, city: null },
        },
      },
      documents: {
        ...values.documents,
        signedScans: {
          ...values.documents.signedScans,
          value: { ...values.documents.signedScans.value, 'info-form': [] },
        },
      },
    } as unknown as CallDocument;
    const document = documentOf(edited);
    expect(document.quotas.value.byDepartmentKind).toEqual({
      university: 3,
      'national-hitech-zone': 3,
      'provincial-hitech-zone': 1,
    });
    expect(Object.keys(document.documents.signedScans.value)).not.toContain('info-form');
    expect(parseCallDocument(document).ok).toBe(true);
  });

  it('北京时间在选择器里显示为同一钟点，选回后仍是北京时间', () => {
    const closes = '2026-03-20T17:00:00+08:00';
    expect(wallClockOf(closes)).toBe('2026-03-20T17:00:00');
    expect(instantOf(dayjs(wallClockOf(closes)))).toBe(closes);
  });
});

describe('the draft kept in the browser', () => {
  it('保存、读回、清除；损坏的草稿视为没有', () => {
    const store = memoryStore();
    const draft = { baseVersion: 3, document: call2026(), at: '2026-12-04T08:00:00.000Z' };
    drafts.write(store, 'JS-INTL-2027', draft);
    expect(drafts.read(store, 'JS-INTL-2027')).toEqual(draft);
    expect(drafts.read(store, 'OTHER')).toBeUndefined();
    drafts.clear(store, 'JS-INTL-2027');
    expect(drafts.read(store, 'JS-INTL-2027')).toBeUndefined();
    store.setItem('shenbao:call-draft:JS-INTL-2027', '{not json');
    expect(drafts.read(store, 'JS-INTL-2027')).toBeUndefined();
  });
});
