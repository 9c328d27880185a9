import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.js';
import { createServices } from '../../src/server/services/index.js';
import { inject, login, useTestApp } from './harness.js';

const t = useTestApp();

describe('演示数据', () => {
  it('写入各角色账号和不同状态的申报书，重复运行不重复写入', async () => {
    // The app under test keeps its receipt key in the temp directory: the demo must sign with the same one.
    const config = loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' });
    const services = createServices({ db: t.db, clock: t.clock, config });
    const accounts = await seedDemo(t.db, services);
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set(['unit-admin', 'pi', 'department', 'province', 'expert']),
    );
    expect(await seedDemo(t.db, services)).toEqual(accounts);

    for (const account of accounts)
      expect(await login(t.app, account.login, DEMO_PASSWORD)).toMatch(/^shenbao_session=/);

    const enterprise = await login(t.app, 'demo-qiye', DEMO_PASSWORD);
    const [draft] = (
      await inject(t.app, { method: 'GET', url: '/api/applications', cookie: enterprise })
    ).json().applications;
    expect(draft.status).toBe('draft');
    const detail = (
      await inject(t.app, { method: 'GET', url: `/api/applications/${draft.id}`, cookie: enterprise })
    ).json();
    expect(detail.evaluation.findings.map((f: { rule: string }) => f.rule)).toContain('budget.cap');

    const university = await login(t.app, 'demo-daxue', DEMO_PASSWORD);
    const [submitted] = (
      await inject(t.app, { method: 'GET', url: '/api/applications', cookie: university })
    ).json().applications;
    expect(submitted.status).toBe('submitted');
    const receipt = (
      await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${submitted.id}/receipt`,
        cookie: university,
      })
    ).json().receipt;
    expect(receipt.payload.documents).toHaveLength(5);
    const verified = await inject(t.app, {
      method: 'POST',
      url: '/api/receipts/verify',
      payload: { payload: receipt.payload, signature: receipt.signature },
    });
    expect(verified.json().valid).toBe(true);
  });
});
