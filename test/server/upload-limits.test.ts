import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/core/bundle/schema.js';
import { applications, documents } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, registerUnitAdmin, type UnitAdmin, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// Small limits: 2 documents of a kind, 0.1 MB an application (two 50 000-byte files), 0.2 MB an
// organisation (four). On PostgreSQL the parallel uploads run on the pool's connections at once (without the
// organisation's lock, 6 of 6 got in); PGlite runs one transaction at a time, where the races prove less.
const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-upload-limits-'));
const t = useTestApp({
  DATA_DIR: dataDir,
  UPLOAD_MAX_DOCUMENTS_PER_KIND: '2',
  UPLOAD_MAX_APPLICATION_MB: '0.1',
  UPLOAD_MAX_ORGANIZATION_MB: '0.2',
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const BIG = 50_000;
const SMALL = 1_000;

let departmentId: string;
beforeAll(async () => {
  departmentId = (await repositories(t.db).departments.list())[0]!.id;
});

/** A unit of its own (its own organisation's space) with `n` draft applications. */
async function unitWith(n: number): Promise<{ admin: UnitAdmin; ids: string[] }> {
  const admin = await registerUnitAdmin(t);
  const leader = await insertPerson(t.db, admin.organizationId, '张三');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      (await insertApplication(t.db, { organizationId: admin.organizationId, piId: leader.id, departmentId }))
        .id,
    );
  }
  return { admin, ids };
}

const fresh = (size: number) => pdf({ seed: `limits-${uniqueNumber()}`, size });

function upload(admin: UnitAdmin, applicationId: string, kind: DocumentKind, file: Buffer) {
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), '附件.pdf');
  return inject(t.app, {
    method: 'POST',
    url: `/api/applications/${applicationId}/documents`,
    cookie: admin.cookie,
    payload: body,
  });
}

async function uploaded(admin: UnitAdmin, applicationId: string, kind: DocumentKind, file: Buffer) {
  const response = await upload(admin, applicationId, kind, file);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ document: { id: string } }>().document.id;
}

function expectRefused(response: { statusCode: number; json(): unknown }, field: string, ...said: string[]) {
  expect(response.statusCode).toBe(409);
  const { error } = response.json() as {
    error: { code: string; message: string; fields: { path: string }[] };
  };
  expect(error.code).toBe('UPLOAD_LIMIT_REACHED');
  expect(error.fields).toEqual([expect.objectContaining({ path: field })]);
  for (const text of said) expect(error.message).toContain(text);
}

const currentDocuments = (ids: string[]) =>
  t.db
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.applicationId, ids), isNull(documents.supersededAt)));

describe('每类附件的份数上限', () => {
  it('第 3 份“合作协议”被拒绝并说明上限；其他类型照常；删除一份后又可上传', async () => {
    const { admin, ids } = await unitWith(1);
    const [id] = ids as [string];
    const first = await uploaded(admin, id, 'cooperation-agreement', fresh(SMALL));
    await uploaded(admin, id, 'cooperation-agreement', fresh(SMALL));
    expectRefused(
      await upload(admin, id, 'cooperation-agreement', fresh(SMALL)),
      'kind',
      '“合作协议”已有 2 份',
      '每类附件 2 份的上限',
    );
    await uploaded(admin, id, 'letter-of-intent', fresh(SMALL));

    // Changing another document's kind into the full one is refused the same way.
    const other = await uploaded(admin, id, 'platform-proof', fresh(SMALL));
    const moved = await inject(t.app, {
      method: 'PATCH',
      url: `/api/applications/${id}/documents/${other}`,
      cookie: admin.cookie,
      payload: { kind: 'cooperation-agreement' },
    });
    expectRefused(moved, 'kind', '“合作协议”已有 2 份');

    const removed = await inject(t.app, {
      method: 'DELETE',
      url: `/api/applications/${id}/documents/${first}`,
      cookie: admin.cookie,
    });
    expect(removed.statusCode).toBe(204);
    await uploaded(admin, id, 'cooperation-agreement', fresh(SMALL));
  });
});

describe('占用空间上限', () => {
  it('一份申报书超过 0.1 MB 时被拒绝，说明已占用、本文件和上限；删除的历史版本仍计入；相同内容不重复计算', async () => {
    const { admin, ids } = await unitWith(1);
    const [id] = ids as [string];
    const kept = fresh(BIG);
    const first = await uploaded(admin, id, 'cooperation-agreement', kept);
    await uploaded(admin, id, 'letter-of-intent', fresh(BIG));
    expectRefused(
      await upload(admin, id, 'platform-proof', fresh(BIG)),
      'file',
      '本申报书的附件',
      '已占用 0.1 MB',
      '本文件 49 KB',
      '每份申报书 0.1 MB的上限',
    );
    // The same bytes again take no more space.
    await uploaded(admin, id, 'platform-proof', kept);

    await inject(t.app, {
      method: 'DELETE',
      url: `/api/applications/${id}/documents/${first}`,
      cookie: admin.cookie,
    });
    expectRefused(await upload(admin, id, 'joint-lab-agreement', fresh(BIG)), 'file', '历史版本');
  });

  it('一个单位全部申报书超过 0.2 MB 时被拒绝；其他单位不受影响', async () => {
    const { admin, ids } = await unitWith(3);
    const [a, b, c] = ids as [string, string, string];
    for (const id of [a, b]) {
      await uploaded(admin, id, 'cooperation-agreement', fresh(BIG));
      await uploaded(admin, id, 'letter-of-intent', fresh(BIG));
    }
    expectRefused(
      await upload(admin, c, 'cooperation-agreement', fresh(BIG)),
      'file',
      '本单位全部申报书的附件',
      '每个单位 0.2 MB的上限',
    );
    const other = await unitWith(1);
    await uploaded(other.admin, other.ids[0]!, 'cooperation-agreement', fresh(BIG));
  });
});

describe('同时上传不会突破上限', () => {
  const race = async (admin: UnitAdmin, uploads: [string, DocumentKind][]) => {
    const responses = await Promise.all(uploads.map(([id, kind]) => upload(admin, id, kind, fresh(BIG))));
    for (const r of responses) {
      if (r.statusCode !== 201) expect(r.json().error.code, r.body).toBe('UPLOAD_LIMIT_REACHED');
    }
    return responses.filter((r) => r.statusCode === 201).length;
  };

  it('同一类附件 8 份同时上传，恰好 2 份成功', async () => {
    const { admin, ids } = await unitWith(1);
    const [id] = ids as [string];
    const accepted = await race(
      admin,
      Array.from({ length: 8 }, () => [id, 'cooperation-agreement']),
    );
    expect(accepted).toBe(2);
    expect(await currentDocuments(ids)).toHaveLength(2);
  });

  it('一份申报书同时上传 6 份不同类型的大文件，恰好 2 份成功', async () => {
    const { admin, ids } = await unitWith(1);
    const kinds: DocumentKind[] = [
      'cooperation-agreement',
      'letter-of-intent',
      'domestic-agreement',
      'platform-proof',
      'ethics-approval',
      'other-attachment',
    ];
    expect(
      await race(
        admin,
        kinds.map((kind) => [ids[0]!, kind]),
      ),
    ).toBe(2);
    expect(await currentDocuments(ids)).toHaveLength(2);
  });

  it('一个单位的 6 份申报书同时各上传一份大文件，恰好 4 份成功', async () => {
    const { admin, ids } = await unitWith(6);
    expect(
      await race(
        admin,
        ids.map((id) => [id, 'cooperation-agreement']),
      ),
    ).toBe(4);
    expect(await currentDocuments(ids)).toHaveLength(4);
    const drafts = await t.db
      .select()
      .from(applications)
      .where(eq(applications.organizationId, admin.organizationId));
    expect(drafts).toHaveLength(6);
  });
});
