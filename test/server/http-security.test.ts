import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { VALID_PASSWORD } from '../support/factories/server.js';
import { inject, registerUnitAdmin, type UnitAdmin, useTestApp } from '../support/harness.js';
import { randomUuid } from '../support/factories/random.js';
import { pdf } from '../support/pdf.js';

const t = useTestApp();

// light-my-request's Host; a browser on this page sends this Origin.
const OWN_ORIGIN = 'http://localhost';
const EVIL = 'https://evil.example';

let admin: UnitAdmin;
let applicationId: string;

beforeAll(async () => {
  admin = await registerUnitAdmin(t);
  const leader = await insertPerson(t.db, admin.organizationId, '张三');
  ({ id: applicationId } = await insertApplication(t.db, {
    organizationId: admin.organizationId,
    piId: leader.id,
    departmentId: (await repositories(t.db).departments.list())[0]!.id,
  }));
});

function login(
  headers: Record<string, string> = {},
  payload: unknown = { login: admin.login, password: VALID_PASSWORD },
) {
  return inject(t.app, { method: 'POST', url: '/api/auth/login', headers, payload: payload as string });
}

function upload(headers: Record<string, string>) {
  const body = new FormData();
  body.append('kind', 'cooperation-agreement');
  body.append(
    'file',
    new Blob([new Uint8Array(pdf({ seed: 'cross-site' }))], { type: 'application/pdf' }),
    '协议.pdf',
  );
  return inject(t.app, {
    method: 'POST',
    url: `/api/applications/${applicationId}/documents`,
    cookie: admin.cookie,
    headers,
    payload: body,
  });
}

const documentCount = async () =>
  (await t.db.select().from(documents).where(eq(documents.applicationId, applicationId))).length;

describe('跨站请求', () => {
  it('其他网站发来的登录被拒绝（403），不发会话 Cookie', async () => {
    const response = await login({ origin: EVIL });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_SITE_REFUSED');
    expect(response.json().error.message).toContain('其他网站');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('其他网站发来的上传被拒绝（403），不保存附件', async () => {
    const before = await documentCount();
    const response = await upload({ origin: EVIL });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_SITE_REFUSED');
    expect(await documentCount()).toBe(before);
  });

  it('本站页面发来的登录与上传照常受理', async () => {
    const same = { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin' };
    expect((await login(same)).statusCode).toBe(200);
    const before = await documentCount();
    const response = await upload(same);
    expect(response.statusCode, response.body).toBe(201);
    expect(await documentCount()).toBe(before + 1);
  });

  it('Sec-Fetch-Site 为 cross-site 或 same-site 时被拒绝，none（地址栏）可以', async () => {
    expect((await login({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await login({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await login({ 'sec-fetch-site': 'none' })).statusCode).toBe(200);
  });

  it('Origin 为 null、端口或协议不同也被拒绝', async () => {
    for (const origin of [
      'null',
      'http://localhost:8080',
      'https://localhost',
      'http://localhost.evil.example',
    ]) {
      expect((await login({ origin })).statusCode, origin).toBe(403);
    }
  });

  it('其他网站发来的删除被拒绝', async () => {
    const response = await inject(t.app, {
      method: 'DELETE',
      url: `/api/applications/${applicationId}/documents/${randomUuid()}`,
      cookie: admin.cookie,
      headers: { origin: EVIL },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_SITE_REFUSED');
  });

  it('受信任的代理转发的主机与协议即本站的来源', async () => {
    const app = await t.buildApp({ TRUST_PROXY: '127.0.0.1' });
    const proxied = (origin: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { origin, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shenbao.example.org' },
        payload: { login: admin.login, password: VALID_PASSWORD },
      });
    expect((await proxied('https://shenbao.example.org')).statusCode).toBe(200);
    expect((await proxied('http://shenbao.example.org')).statusCode).toBe(403);
    expect((await proxied(EVIL)).statusCode).toBe(403);
  });

  it('不带 Origin 与 Sec-Fetch-Site 的请求（命令行、脚本）照常受理', async () => {
    expect((await login()).statusCode).toBe(200);
  });
});

describe('请求内容类型', () => {
  it('text/plain 或 urlencoded 的 POST 返回 415，即使来自本站', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const response = await inject(t.app, {
        method: 'POST',
        url: '/api/auth/logout',
        cookie: admin.cookie,
        headers: { 'content-type': type, origin: OWN_ORIGIN },
        payload: '{}',
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(response.json().error.message).toContain('multipart/form-data');
    }
  });

  it('没有内容类型却带内容的 POST 返回 415；不带内容的 POST 照常受理', async () => {
    const withBody = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-length': '2' },
      payload: '{}',
    });
    expect(withBody.statusCode).toBe(415);
    const cookie = (await login()).headers['set-cookie'];
    const empty = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: String(cookie).split(';')[0]! },
    });
    expect(empty.statusCode).toBeLessThan(300);
  });
});

describe('安全响应头', () => {
  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
  };

  it('API 的 JSON 与错误响应都带 CSP、frame-ancestors、nosniff、Referrer-Policy；HTTP 下不带 HSTS', async () => {
    expectSecurityHeaders((await inject(t.app, { method: 'GET', url: '/api/health' })).headers);
    expectSecurityHeaders((await inject(t.app, { method: 'GET', url: '/api/nowhere' })).headers);
    expectSecurityHeaders((await login({ origin: EVIL })).headers);
  });

  it('页面（HTML）同样带这些响应头', async () => {
    const app = await t.buildApp();
    app.get('/page', (_request, reply) => reply.type('text/html').send('<!doctype html><title>页面</title>'));
    expectSecurityHeaders((await app.inject({ method: 'GET', url: '/page' })).headers);
  });

  it('HSTS 只在经受信任的代理以 HTTPS 访问时发送', async () => {
    const proxied = await t.buildApp({ TRUST_PROXY: '127.0.0.1' });
    const viaHttps = { 'x-forwarded-proto': 'https' };
    const trusted = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '127.0.0.1',
      headers: viaHttps,
    });
    expect(trusted.headers['strict-transport-security']).toBe('max-age=31536000');
    const untrusted = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '10.9.9.9',
      headers: viaHttps,
    });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    const direct = await t.app.inject({ method: 'GET', url: '/api/health', headers: viaHttps });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});
