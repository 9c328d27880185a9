import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';

const t = useTestApp();

describe('GET /api/openapi.json', () => {
  it('描述每个接口及其请求和响应', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/applications',
      '/api/applications/{id}',
      '/api/applications/{id}/documents',
      '/api/applications/{id}/documents/{docId}',
      '/api/applications/{id}/receipt',
      '/api/applications/{id}/submit',
      '/api/applications/{id}/timeline',
      '/api/applications/{id}/withdraw',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/register-organization',
      '/api/calls',
      '/api/departments',
      '/api/documents/{docId}/file',
      '/api/health',
      '/api/organization/people',
      '/api/organization/people/{id}',
      '/api/receipts/verify',
      '/api/review/applications',
      '/api/review/applications/{id}',
      '/api/review/applications/{id}/changes',
      '/api/review/applications/{id}/checklist',
      '/api/review/applications/{id}/decision',
      '/api/review/applications/{id}/return',
      '/api/review/applications/{id}/undo',
      '/api/review/bundle',
      '/api/review/commitment',
      '/api/review/commitments/{id}/file',
      '/api/review/confirm',
      '/api/review/confirmations',
      '/api/review/import/preview',
      '/api/review/quota',
      '/api/review/summary',
      '/api/review/summary.xlsx',
    ]);
    const register = document.paths['/api/auth/register-organization'].post;
    const body = register.requestBody.content['application/json'].schema;
    expect(body.properties.organization.properties.creditCode.title).toBe('统一社会信用代码');
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['201', '400', '409']));
  });
});
