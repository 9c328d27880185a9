import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { AppError } from '../../src/server/errors.js';
import { PasswordChecks } from '../../src/server/security/passwords.js';
import { uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { registerUnitAdmin, useTestApp } from '../support/harness.js';

const t = useTestApp();

const WINDOW_MS = 15 * 60_000;

function attempt(
  app: FastifyInstance,
  loginName: string,
  password: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: loginName, password },
    remoteAddress,
    headers,
  });
}

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode);

describe('登录失败限制', () => {
  it('同一地址对许多账号各试一次（密码喷洒）超过每地址失败上限后被拒', async () => {
    const app = await t.buildApp({ LOGIN_IP_MAX_FAILURES: '3' });
    const ip = '10.20.0.1';
    for (let i = 0; i < 3; i++) {
      expect((await attempt(app, uniqueLogin('spray'), 'Guess2026', ip)).statusCode).toBe(401);
    }
    const blocked = await attempt(app, uniqueLogin('spray'), 'Guess2026', ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(blocked.headers['retry-after']).toBe('900');
    // Another address is not held back by this one's failures.
    expect((await attempt(app, uniqueLogin('spray'), 'Guess2026', '10.20.0.2')).statusCode).toBe(401);
  });

  it('换地址不能绕过账号的失败上限：没有登录过该账号的客户端须等待，正确密码亦然', async () => {
    const admin = await registerUnitAdmin(t);
    const app = await t.buildApp({ LOGIN_ACCOUNT_MAX_FAILURES: '3' });
    for (let i = 1; i <= 3; i++) {
      expect((await attempt(app, admin.login, 'Wrong2026', `10.21.0.${i}`)).statusCode).toBe(401);
    }
    expect((await attempt(app, admin.login, 'Wrong2026', '10.21.0.4')).statusCode).toBe(429);
    const owner = await attempt(app, admin.login, VALID_PASSWORD, '10.21.0.5');
    expect(owner.statusCode).toBe(429);
    expect(owner.json().error.message).toBe('登录失败次数过多，请 15 分钟后再试');
  });

  it('登录过的客户端（已知设备 Cookie）不因他人对该账号的失败而被锁在外面', async () => {
    const admin = await registerUnitAdmin(t);
    const app = await t.buildApp({ LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '3' });
    const nat = '10.22.0.1';
    const first = await attempt(app, admin.login, VALID_PASSWORD, nat);
    const device = first.cookies.find((c) => c.name === 'shenbao_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });
    const knownDevice = { cookie: `shenbao_device=${device!.value}` };

    // Someone behind the same address sprays the account until it is held back.
    for (let i = 0; i < 3; i++)
      expect((await attempt(app, admin.login, 'Wrong2026', nat)).statusCode).toBe(401);
    expect((await attempt(app, admin.login, VALID_PASSWORD, nat)).statusCode).toBe(429);
    expect((await attempt(app, admin.login, VALID_PASSWORD, '10.22.0.2')).statusCode).toBe(429);

    expect((await attempt(app, admin.login, VALID_PASSWORD, nat, knownDevice)).statusCode).toBe(200);
    expect((await attempt(app, admin.login, VALID_PASSWORD, '10.22.0.3', knownDevice)).statusCode).toBe(200);

    // The mark is the account's: another account's, or a forged one, does not exempt.
    const other = await registerUnitAdmin(t);
    const otherDevice = (await attempt(app, other.login, VALID_PASSWORD, '10.22.0.4')).cookies.find(
      (c) => c.name === 'shenbao_device',
    );
    const borrowed = { cookie: `shenbao_device=${otherDevice!.value}` };
    expect((await attempt(app, admin.login, VALID_PASSWORD, nat, borrowed)).statusCode).toBe(429);
    const forged = { cookie: `shenbao_device=4102444800.${'A'.repeat(43)}` };
    expect((await attempt(app, admin.login, VALID_PASSWORD, nat, forged)).statusCode).toBe(429);
  });

  it('所有地址合计的失败次数超过全局上限后，未登录过的客户端须等待', async () => {
    t.clock.advance(WINDOW_MS);
    const app = await t.buildApp({ LOGIN_GLOBAL_MAX_FAILURES: '4' });
    for (let i = 1; i <= 4; i++) {
      expect((await attempt(app, uniqueLogin('global'), 'Guess2026', `10.23.0.${i}`)).statusCode).toBe(401);
    }
    expect((await attempt(app, uniqueLogin('global'), 'Guess2026', '10.23.0.5')).statusCode).toBe(429);
    t.clock.advance(WINDOW_MS);
  });

  it('同时发来的猜测不会越过账号的失败上限', async () => {
    const admin = await registerUnitAdmin(t);
    const app = await t.buildApp({ LOGIN_ACCOUNT_MAX_FAILURES: '4' });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(app, admin.login, 'Wrong2026', `10.24.0.${i + 1}`)),
    );
    expect(statuses(responses).filter((s) => s === 401)).toHaveLength(4);
    expect(statuses(responses).filter((s) => s === 429)).toHaveLength(8);
  });
});

describe('TRUST_PROXY', () => {
  it('只相信所配置代理发来的 X-Forwarded-For：随机伪造的地址不能绕过限制', async () => {
    const admin = await registerUnitAdmin(t);
    const app = await t.buildApp({ TRUST_PROXY: '10.25.0.1', LOGIN_MAX_FAILURES: '2' });
    const forged = () => ({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` });
    for (let i = 0; i < 2; i++) {
      expect((await attempt(app, admin.login, 'Wrong2026', '10.25.0.7', forged())).statusCode).toBe(401);
    }
    expect((await attempt(app, admin.login, 'Wrong2026', '10.25.0.7', forged())).statusCode).toBe(429);

    // Through the configured proxy, each client is the address it forwards.
    const client = { 'x-forwarded-for': '203.0.113.5' };
    for (let i = 0; i < 2; i++) {
      expect((await attempt(app, admin.login, 'Wrong2026', '10.25.0.1', client)).statusCode).toBe(401);
    }
    expect((await attempt(app, admin.login, 'Wrong2026', '10.25.0.1', client)).statusCode).toBe(429);
    const another = { 'x-forwarded-for': '203.0.113.6' };
    expect((await attempt(app, admin.login, VALID_PASSWORD, '10.25.0.1', another)).statusCode).toBe(200);
  });

  it('接受地址与 CIDR 网段的列表，拒绝无效的条目并以中英文指出', () => {
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({ SESSION_SECRET: secret, TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,::1' }).trustProxy,
    ).toEqual(['10.0.0.1', '172.16.0.0/12', '::1']);
    expect(loadConfig({ SESSION_SECRET: secret, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ SESSION_SECRET: secret }).trustProxy).toBe(false);
    for (const bad of ['10.0.0.0/33', 'proxy.example', 'yes']) {
      expect(() => loadConfig({ SESSION_SECRET: secret, TRUST_PROXY: bad })).toThrowError(ConfigError);
    }
    expect(() => loadConfig({ SESSION_SECRET: secret, TRUST_PROXY: '10.0.0.0/33' })).toThrowError(
      /环境变量 TRUST_PROXY 无效：应为 false、true 或以逗号分隔的代理 IP 地址.*\n.*Invalid environment variable TRUST_PROXY/,
    );
  });
});

describe('匿名接口的请求频率限制', () => {
  it('每个地址每分钟的请求数有上限，由同一数据库上的各实例共同计数', async () => {
    const env = { RATE_LIMIT_PER_IP: '3' };
    const [one, two] = [await t.buildApp(env), await t.buildApp(env)];
    const get = (app: FastifyInstance, url: string, remoteAddress: string) =>
      app.inject({ method: 'GET', url, remoteAddress });
    const ip = '10.26.0.1';
    expect((await get(one, '/api/calls', ip)).statusCode).toBe(200);
    expect((await get(two, '/api/departments', ip)).statusCode).toBe(200);
    expect((await get(one, '/api/public/announcements', ip)).statusCode).toBe(200);

    const limited = await get(two, '/api/calls', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const registration = await one.inject({
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: {},
      remoteAddress: ip,
    });
    expect(registration.statusCode).toBe(429);
    const receipt = await one.inject({
      method: 'POST',
      url: '/api/receipts/verify',
      payload: {},
      remoteAddress: ip,
    });
    expect(receipt.statusCode).toBe(429);

    expect((await get(one, '/api/calls', '10.26.0.2')).statusCode).toBe(200);
    expect((await get(one, '/api/health', ip)).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await get(one, '/api/calls', ip)).statusCode).toBe(200);
  });

  it('所有地址合计的请求数有全局上限', async () => {
    t.clock.advance(60_000);
    const app = await t.buildApp({ RATE_LIMIT_GLOBAL: '3' });
    for (let i = 1; i <= 3; i++) {
      expect(
        (await app.inject({ method: 'GET', url: '/api/calls', remoteAddress: `10.27.0.${i}` })).statusCode,
      ).toBe(200);
    }
    const limited = await app.inject({ method: 'GET', url: '/api/calls', remoteAddress: '10.27.0.9' });
    expect(limited.statusCode).toBe(429);
    t.clock.advance(60_000);
  });

  it('同时到达的请求不会越过上限', async () => {
    const app = await t.buildApp({ RATE_LIMIT_PER_IP: '4' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.inject({ method: 'GET', url: '/api/calls', remoteAddress: '10.28.0.1' }),
      ),
    );
    expect(statuses(responses).filter((s) => s === 200)).toHaveLength(4);
    expect(statuses(responses).filter((s) => s === 429)).toHaveLength(6);
  });
});

describe('口令校验的并发上限', () => {
  it('同时最多校验 K 个口令，排队已满的请求立即被拒', async () => {
    const checks = new PasswordChecks({ inFlight: 1, queued: 1 });
    const running = [checks.verify(undefined, 'a'), checks.verify(undefined, 'b')];
    const refused = checks.verify(undefined, 'c');
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    expect(await Promise.all(running)).toEqual([false, false]);
    // Slots come back once the checks are done.
    expect(await checks.verify(undefined, 'd')).toBe(false);
  });

  it('大量不存在的登录名同时涌入时，超出的请求立即得到 429，而不是排队等待校验', async () => {
    const app = await t.buildApp({ PASSWORD_CHECKS_IN_FLIGHT: '1', PASSWORD_CHECKS_QUEUED: '1' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(app, uniqueLogin('flood'), 'Guess2026', `10.29.0.${i + 1}`),
      ),
    );
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.json().error.code === 'TOO_MANY_REQUESTS')).toBe(true);
    expect(statuses(responses).every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('因校验已满被立即拒绝的尝试不计为该账号的失败', async () => {
    const admin = await registerUnitAdmin(t);
    const app = await t.buildApp({
      PASSWORD_CHECKS_IN_FLIGHT: '1',
      PASSWORD_CHECKS_QUEUED: '1',
      LOGIN_ACCOUNT_MAX_FAILURES: '20',
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(app, admin.login, 'Wrong2026', `10.30.0.${i + 1}`)),
    );
    expect(statuses(responses)).toContain(429);
    expect((await attempt(app, admin.login, VALID_PASSWORD, '10.30.0.99')).statusCode).toBe(200);
  });
});
