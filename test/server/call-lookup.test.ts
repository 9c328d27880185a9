import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import { type DatabaseHandle, openPostgres } from '../../src/server/db/database.js';
import { isDatabaseUnavailable } from '../../src/server/db/unavailable.js';
import { AppError } from '../../src/server/errors.js';
import { repositories } from '../../src/server/repositories/index.js';
import { CallService } from '../../src/server/services/calls.js';
import { inject, useTestApp } from '../support/harness.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';

const t = useTestApp();

describe('calls.require', () => {
  it('不存在的计划：CALL_NOT_FOUND，指明 callId', async () => {
    const calls = new CallService(repositories(t.db), t.clock);
    const error = await calls.require('NO-SUCH-CALL').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CALL_NOT_FOUND', status: 404, fields: [{ path: 'callId' }] });
  });

  it('存在的计划照常返回', async () => {
    const calls = new CallService(repositories(t.db), t.clock);
    expect((await calls.require('JS-INTL-2026')).row.id).toBe('JS-INTL-2026');
  });
});

describe('GET /api/calls', () => {
  it('给出申报书的篇幅、期限与仪器标准，并注明出自管理中心的配置', async () => {
    const response = await inject(t.app, { method: 'GET', url: '/api/calls' });
    expect(response.statusCode).toBe(200);
    const call = response.json().calls.find((c: { id: string }) => c.id === 'JS-INTL-2026');
    const { value, clause, quote } = JS_INTL_2026.content;
    expect(call.content).toEqual({
      maxDurationMonths: value.maxDurationMonths,
      earliestStart: value.earliestStart,
      abstractMax: value.abstractMax,
      keywords: value.keywords,
      sectionLimits: value.sectionLimits,
      instrumentThreshold: value.instrumentThreshold,
      indirectCosts: value.indirectCosts,
      clause,
      quote,
    });
    expect(call.content.sectionLimits.researchPlan).toBe(8000);
    expect(call.content.clause).toBe('中心配置');
  });
});

describe('数据库不可用', () => {
  // Port 1: nothing listens there, so every query fails to connect.
  let dead: DatabaseHandle;
  beforeAll(() => {
    dead = openPostgres('postgres://nobody@127.0.0.1:1/nothing');
  });
  afterAll(() => dead.close());

  it('查找计划时数据库故障不被说成“计划不存在”', async () => {
    const calls = new CallService(repositories(dead.db), systemClock);
    const error = await calls.require('JS-INTL-2026').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AppError);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('接口返回 503 DATABASE_UNAVAILABLE，而不是 400 或 500', async () => {
    const config = loadConfig({
      DATA_DIR: tmpdir(),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp({ config, db: dead.db, clock: systemClock });
    const response = await app.inject({ method: 'GET', url: '/api/calls' });
    await app.close();
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' },
    });
  });

  it('查询被拒绝（如语法错误）不算数据库不可用', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
