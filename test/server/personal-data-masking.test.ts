import { describe, expect, it } from 'vitest';
import { registerColumns } from '../../src/core/registers/kinds.js';
import { personBody, residentIdNumber, uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';

// 证件号码和电话只给需要的人看，列表中一律打码（任务 7）。

const t = useTestApp();

const ID_NUMBER = '32010219800101123X';
const MOBILE = '13812345678';

describe('项目负责人的证件号码', () => {
  it('登记后的回答、列表和修改后的回答都只显示打码的号码，完整号码不出现在任何回答中', async () => {
    const admin = await registerUnitAdmin(t);
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/people',
      cookie: admin.cookie,
      payload: personBody({ idNumber: ID_NUMBER }),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().person.idNumber).toBe('3201**********123X');
    const list = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/people',
      cookie: admin.cookie,
    });
    expect(list.json().people.map((p: { idNumber: string }) => p.idNumber)).toEqual(['3201**********123X']);
    const renamed = await inject(t.app, {
      method: 'PATCH',
      url: `/api/organization/people/${created.json().person.id}`,
      cookie: admin.cookie,
      payload: { name: '改名后' },
    });
    expect(renamed.json().person).toMatchObject({ name: '改名后', idNumber: '3201**********123X' });
    for (const response of [created, list, renamed]) expect(response.body).not.toContain(ID_NUMBER);
  });
});

describe('评审专家的电话', () => {
  it('专家库列表中打码；省里打开专家本人的记录时完整显示', async () => {
    const { cookie } = await insertUser(t, 'province');
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts',
      cookie,
      payload: {
        name: '王专家',
        organizationName: '南京测试大学',
        organizationCreditCode: null,
        fields: ['氢能与新型储能'],
        title: '教授',
        phone: MOBILE,
        email: 'wang@example.cn',
        account: { login: uniqueLogin('expert'), password: VALID_PASSWORD },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().expert.id;
    const list = await inject(t.app, { method: 'GET', url: '/api/province/experts', cookie });
    expect(list.statusCode, list.body).toBe(200);
    const listed = list.json().experts.find((e: { id: string }) => e.id === id);
    expect(listed.phone).toBe('138****5678');
    expect(list.body).not.toContain(MOBILE);
    const record = await inject(t.app, { method: 'GET', url: `/api/province/experts/${id}`, cookie });
    expect(record.json().expert.phone).toBe(MOBILE);
  });
});

describe('失信名录导入的预览', () => {
  it('逐行列出时身份证号码打码', async () => {
    const { cookie } = await insertUser(t, 'province');
    const idNumber = residentIdNumber();
    const row: Record<string, string> = {
      主体类型: '个人',
      单位名称或姓名: '张某某',
      身份证号码: idNumber,
      处理期起: '2025-01-01',
      处理期止: '2027-12-31',
      认定来源: '信用江苏',
      失信行为及处理: '严重失信',
    };
    const headers = registerColumns('dishonesty').map((c) => c.header);
    const csv = [headers, headers.map((h) => row[h] ?? '')].map((l) => l.join(',')).join('\r\n');
    const body = new FormData();
    body.append('file', new Blob([`\uFEFF${csv}\r\n`]), '失信.csv');
    const preview = await inject(t.app, {
      method: 'POST',
      url: '/api/province/registers/dishonesty/preview',
      cookie,
      payload: body,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const [listed] = preview.json().rows;
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
    expect(listed.cells.idNumber).toBe(masked);
    expect(listed.record.idNumber).toBe(masked);
    expect(preview.body).not.toContain(idNumber);
  });
});
