import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type LogLevel } from '../../src/server/config.js';
import { useTestApp } from '../support/harness.js';

// The demo (`npm start`) logs requests at debug, so that its console keeps the address and the accounts.

const t = useTestApp();
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The log lines of one request to an app logging at `level`, its requests at `requestLogLevel`. */
async function linesOfOneRequest(level: LogLevel, requestLogLevel: 'info' | 'debug') {
  const lines: { level: number; msg: string }[] = [];
  const config = loadConfig({
    DATA_DIR: tmpdir(),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: level,
  });
  app = await buildApp({
    config,
    db: t.db,
    clock: t.clock,
    requestLogLevel,
    logStream: { write: (line) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
  });
  const response = await app.inject({ method: 'GET', url: '/api/departments' });
  expect(response.statusCode).toBe(200);
  return lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed');
}

describe('请求日志', () => {
  it('演示启动（请求记在 debug）：info 级别下不逐条记录请求', async () => {
    expect(await linesOfOneRequest('info', 'debug')).toEqual([]);
  });

  it('正式启动仍在 info 级别逐条记录请求', async () => {
    expect((await linesOfOneRequest('info', 'info')).map((l) => l.msg)).toEqual([
      'incoming request',
      'request completed',
    ]);
  });

  it('LOG_LEVEL=debug 时演示的请求照样记录（debug 级别）', async () => {
    const lines = await linesOfOneRequest('debug', 'debug');
    expect(lines.map((l) => [l.msg, l.level])).toEqual([
      ['incoming request', 20],
      ['request completed', 20],
    ]);
  });
});
