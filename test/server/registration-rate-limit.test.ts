import { describe, expect, it } from 'vitest';
import { repositories } from '../../src/server/repositories/index.js';
import { creditCode, registrationBody } from '../support/factories/server.js';
import { useTestApp } from '../support/harness.js';

// Anonymous registration and claims are limited per address by the hour, well below the per-minute limit of
// every anonymous route: each puts work before a department.

const t = useTestApp({ REGISTRATIONS_PER_IP_PER_HOUR: '3' });
const HOUR_MS = 3_600_000;

async function register(remoteAddress: string) {
  const [department] = await repositories(t.db).departments.list();
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/register-organization',
    remoteAddress,
    payload: registrationBody({ departmentId: department!.id }),
  });
}

const claim = (remoteAddress: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/claim-organization',
    remoteAddress,
    payload: {
      creditCode: creditCode(),
      name: '张三',
      mobile: '13900000000',
      email: 'a@example.com',
      note: '认领',
    },
  });

describe('注册与认领按地址每小时限次', () => {
  it('同一地址一小时内超过上限答 429 并给出 Retry-After；别的地址不受影响；一小时后恢复', async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < 2; i++) expect((await register(address)).statusCode).toBe(201);
    // Refused input counts too: the limit is on attempts.
    expect((await claim(address)).statusCode).toBe(400);
    const blocked = await register(address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect((await claim(address)).statusCode).toBe(429);

    expect((await register('198.51.100.8')).statusCode).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      payload: { login: 'nobody', password: 'x' },
    });
    expect(login.statusCode).toBe(401);

    t.clock.advance(HOUR_MS);
    expect((await register(address)).statusCode).toBe(201);
  });
});
