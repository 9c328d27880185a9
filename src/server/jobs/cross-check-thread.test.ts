import { describe, expect, it } from 'vitest';
import { application, bundle, externalSubmission } from '../../../test/support/factories/bundle.js';
import type { Bundle, BundleInput } from '../../core/bundle/schema.js';
import { JS_INTL_2026 } from '../../core/calls/js-intl-2026.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { crossCheckInWorker, type CrossCheckFeed } from './cross-check-thread.js';
import type { BundlePart } from '../services/bundles.js';
import { crossCheckResults, type CrossCheckMessage } from './cross-check-work.js';

const TITLE = '面向新能源汽车的高能量密度锂离子电池正极材料联合研发';

/** The bundle sent as the job sends it: its lists in parts of at most two items. */
function feedOf(call: CallParameters, input: BundleInput, received: ReadonlySet<string>): CrossCheckFeed {
  return async (send) => {
    await send({ kind: 'call', call });
    const { format, call: callId, asOf, ...lists } = input as Bundle;
    await send({ kind: 'head', head: { format, call: callId, asOf } });
    for (const [key, items] of Object.entries(lists) as [keyof typeof lists, unknown[]][]) {
      for (let from = 0; from < items.length; from += 2) {
        await send({ kind: 'list', key, items: items.slice(from, from + 2) } as BundlePart);
      }
    }
    await send({ kind: 'received', ids: [...received] });
  };
}

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
    expect(await all(crossCheckInWorker(feedOf(JS_INTL_2026, input, received)))).toEqual(inThread);
  });

  it('工作线程中的错误（数据库拼出的申报包不合格）传回核查任务，线程随之结束', async () => {
    const input = { ...bundle(), applications: [{ id: 'a1' }] } as unknown as BundleInput;
    await expect(all(crossCheckInWorker(feedOf(JS_INTL_2026, input, new Set(['a1']))))).rejects.toThrow(
      /assembled bundle is malformed/,
    );
  });
});
