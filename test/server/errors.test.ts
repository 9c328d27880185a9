import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../support/harness.js';

const t = useTestApp();

describe('error responses', () => {
  it('未知错误返回 500，不泄露内部信息', async () => {
    const app = await t.buildApp();
    app.get('/api/test/explode', () => {
      throw new Error('password=hunter2 at /srv/secret.ts:12');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test/explode' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } });
  });

  it('校验失败时逐个字段给出中文说明和路径', async () => {
    const app = await t.buildApp();
    app.post(
      '/api/test/echo',
      {
        schema: {
          body: z.object({
            items: z.array(z.object({ amount: z.number().int().min(0).meta({ title: '金额' }) })),
            note: z.string().meta({ title: '备注' }),
          }),
        },
      },
      () => ({}),
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { items: [{ amount: 1 }, { amount: -5 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: '金额：不能小于 0；备注：必填',
        fields: [
          { path: 'items[1].amount', message: '金额：不能小于 0' },
          { path: 'note', message: '备注：必填' },
        ],
      },
    });
  });

  it('无效的 JSON 返回 400 和中文说明', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' } });
  });

  it('不存在的接口返回中文 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' } });
  });
});
