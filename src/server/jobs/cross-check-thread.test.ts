import { describe, expect, it } from 'vitest';
import { application, bundle, externalSubmission } from '../../../test/support/factories/bundle.js';
import type { BundleInput } from '../../core/bundle/schema.js';
import { JS_INTL_2026 } from '../../core/calls/js-intl-2026.js';
import { crossCheckInWorker } from './cross-check-thread.js';
import { crossCheckResults, type CrossCheckMessage } from './cross-check-work.js';

const TITLE = '面向新能源汽车的高能量密度锂离子电池正极材料联合研发';

async function all(results: AsyncIterable<CrossCheckMessage>): Promise<CrossCheckMessage[]> {
  const out: CrossCheckMessage[] = [];
  for await (const result of results) out.push(result);
  return out;
}

describe('交叉核查在工作线程中计算', () => {
  it('工作线程（从 TypeScript 源码经 tsx 加载）给出的结果与在本线程计算的完全相同', async () => {
    const input = bundle({
      applications: [application({ id: 'a1', title: TITLE }), application({ id: 'a2', title: TITLE })],
      externalSubmissions: [externalSubmission({ title: TITLE })],
    }) as BundleInput;
    const received = new Set(['a1', 'a2']);
    const inThread = await all(crossCheckResults(JS_INTL_2026, input, received));
    expect(inThread.map((m) => m.kind)).toEqual(['start', 'findings', 'pairs', 'summary']);
    expect(inThread.at(-1)).toMatchObject({ kind: 'summary', summary: { applications: 2, pairs: 3 } });
    expect(await all(crossCheckInWorker(JS_INTL_2026, input, received))).toEqual(inThread);
  });

  it('工作线程中的错误（数据库拼出的申报包不合格）传回核查任务，线程随之结束', async () => {
    const input = { ...bundle(), applications: [{ id: 'a1' }] } as unknown as BundleInput;
    await expect(all(crossCheckInWorker(JS_INTL_2026, input, new Set(['a1'])))).rejects.toThrow(
      /assembled bundle is malformed/,
    );
  });
});
