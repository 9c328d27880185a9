import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import { openPostgres } from '../../src/server/db/database.js';
import { useTestApp } from '../support/harness.js';

const t = useTestApp();

describe('GET /api/health', () => {
  it('数据库可用时报告正常', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('数据库不可用时返回 503', async () => {
    // Port 1: nothing listens there, so every query fails to connect.
    const handle = openPostgres('postgres://nobody@127.0.0.1:1/nothing');
    const config = loadConfig({
      DATA_DIR: tmpdir(),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp({ config, db: handle.db, clock: systemClock });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();
    await handle.close();
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });
});
