import { afterEach, describe, expect, it } from 'vitest';
import { BundleReader } from '../../src/server/services/bundle-import/reader.js';
import { bundle } from '../support/factories/bundle.js';

// The parse workers' bound; what they read is tested through the import routes (bundle-import.test.ts).

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const readers: BundleReader[] = [];
const readerOf = (limits: { inFlight: number; queued: number }) => {
  const reader = new BundleReader(limits);
  readers.push(reader);
  return reader;
};

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

describe('导入包的读取线程', () => {
  it('同时读取和排队的导入包超过上限时立即拒绝，说明原因；之前的读取不受影响', async () => {
    const reader = readerOf({ inFlight: 1, queued: 1 });
    const first = reader.read(bytes(bundle()));
    const queued = reader.read(bytes({ ...bundle(), call: 'DEMO-JS-INTL-2026' }));
    await expect(reader.read(bytes(bundle()))).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      status: 429,
      message: expect.stringContaining('正在读取的导入包过多（同时最多 1 个，另有 1 个排队）'),
    });
    expect((await first).parsed.ok).toBe(true);
    expect((await queued).call).toBe('DEMO-JS-INTL-2026');
    expect((await reader.read(bytes(bundle()))).parsed.ok).toBe(true);
  }, 60_000);

  it('读出每个问题的位置：不是 JSON、格式有误、不能保存的字符', async () => {
    const reader = readerOf({ inFlight: 1, queued: 0 });
    const notJson = await reader.read(new TextEncoder().encode('{"format":'));
    expect(notJson.parsed).toMatchObject({ ok: false, problems: [{ path: '(根)' }] });
    const malformed = await reader.read(bytes({ ...bundle(), applications: 'none' }));
    expect(malformed.parsed).toMatchObject({ ok: false, problems: [{ path: 'applications' }] });
    const nul = bundle();
    nul.organizations[0]!.name = '含\u0000的单位';
    const unsafe = await reader.read(bytes(nul));
    expect(unsafe.parsed).toMatchObject({
      ok: false,
      problems: [{ path: 'organizations[0].name', message: expect.stringContaining('不能保存的字符') }],
    });
  }, 60_000);
});
