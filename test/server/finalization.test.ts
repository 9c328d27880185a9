import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, auditLog } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { createDraft, submitThroughApi, unitWithPerson } from '../support/api/applicant.js';
import { completeForm } from '../support/api/submitted-applications.js';
import { inject, insertUser, type UnitAdmin, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// 定稿 fixes the application; the documents to sign print from it (final) or from the live form (草稿); an
// edit reopens it; signed scans name the 定稿 they were printed from, and the platform says when that is stale.

const t = useTestApp();

type Applicant = UnitAdmin & { personId: string };
let admin: Applicant;
let other: Applicant;

beforeAll(async () => {
  admin = await unitWithPerson(t);
  other = await unitWithPerson(t);
});

async function filledDraft(applicant: Applicant = admin) {
  const { id, version } = await createDraft(t, applicant);
  const saved = await save(applicant, id, version, completeForm());
  expect(saved.statusCode, saved.body).toBe(200);
  return { id, version: saved.json().application.version as number };
}

function save(applicant: Applicant, id: string, version: number, form: object) {
  return inject(t.app, {
    method: 'PUT',
    url: `/api/applications/${id}`,
    cookie: applicant.cookie,
    payload: { version, form },
  });
}

const finalize = (cookie: string, id: string) =>
  inject(t.app, { method: 'POST', url: `/api/applications/${id}/finalize`, cookie });

const view = async (cookie: string, id: string) =>
  (await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie })).json();

const print = (cookie: string, id: string, document: string, query = '') =>
  inject(t.app, { method: 'GET', url: `/api/applications/${id}/print/${document}${query}`, cookie });

function uploadScan(applicant: Applicant, id: string, kind: string, printedFrom?: string) {
  const body = new FormData();
  body.append('kind', kind);
  body.append('complete.signatures', 'true');
  body.append('complete.seals', 'true');
  if (printedFrom) body.append('printedFrom', printedFrom);
  body.append(
    'file',
    new Blob([new Uint8Array(pdf({ seed: `${kind}-${Math.random()}` }))], { type: 'application/pdf' }),
    `${kind}.pdf`,
  );
  return inject(t.app, {
    method: 'POST',
    url: `/api/applications/${id}/documents`,
    cookie: applicant.cookie,
    payload: body,
  });
}

const eventsOf = (id: string) =>
  t.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));

describe('定稿', () => {
  it('填写不全时拒绝定稿，并用中文列出缺少的内容', async () => {
    const { id } = await createDraft(t, admin);
    const response = await finalize(admin.cookie, id);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('FORM_INCOMPLETE');
    expect(error.fields.map((f: { message: string }) => f.message)).toContain('请填写项目名称');
    expect((await view(admin.cookie, id)).finalization.current).toBeNull();
  });

  it('填写完整即可定稿（尚未上传签字扫描件也可以）；未修改时再次定稿得到同一版', async () => {
    const { id } = await filledDraft();
    const first = await finalize(admin.cookie, id);
    expect(first.statusCode, first.body).toBe(200);
    const snapshot = first.json().snapshot;
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await finalize(admin.cookie, id);
    expect(again.json().snapshot).toEqual(snapshot);
    const { finalization } = await view(admin.cookie, id);
    expect(finalization.current).toEqual(snapshot);
    expect(finalization.snapshots).toEqual([snapshot]);
    expect((await eventsOf(id)).filter((e) => e.kind === 'finalized')).toHaveLength(1);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audited.map((a) => a.action)).toContain('application.finalized');
  });

  it('定稿后修改内容即重新打开：当前定稿清空并记入办理记录；改回原样再定稿得到原来那一版', async () => {
    const { id, version } = await filledDraft();
    const original = (await finalize(admin.cookie, id)).json().snapshot;
    const edited = await save(admin, id, version, completeForm({ summary: '修改后的摘要。' }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json().finalization.current).toBeNull();
    expect((await eventsOf(id)).map((e) => e.kind)).toContain('reopened');
    const changed = (await finalize(admin.cookie, id)).json().snapshot;
    expect(changed.sha256).not.toBe(original.sha256);
    await save(admin, id, edited.json().application.version, completeForm());
    expect((await finalize(admin.cookie, id)).json().snapshot.sha256).toBe(original.sha256);
  });

  it('定稿之后，自动保存的单条语句捷径不写入（交由加锁的保存重新打开定稿）', async () => {
    const { id, version } = await filledDraft();
    const repos = repositories(t.db);
    const { organizationId } = (await repos.applications.findById(id))!;
    const shortcut = (at: number) =>
      repos.applications.autosave(
        id,
        at,
        { organizationId },
        {
          form: completeForm({ summary: '捷径写入的摘要。' }),
        },
      );
    expect((await shortcut(version))?.application.version).toBe(version + 1);
    await finalize(admin.cookie, id);
    expect(await shortcut(version + 1)).toBeUndefined();
    expect((await repos.applications.findById(id))!.version).toBe(version + 1);
  });

  it('未改动内容的保存不重新打开定稿', async () => {
    const { id, version } = await filledDraft();
    const snapshot = (await finalize(admin.cookie, id)).json().snapshot;
    const saved = await save(admin, id, version, completeForm());
    expect(saved.json().finalization.current).toEqual(snapshot);
    expect((await eventsOf(id)).map((e) => e.kind)).not.toContain('reopened');
  });

  it('别的单位、主管部门和专家不能定稿，与不存在的申报书一样答 404 或 403', async () => {
    const { id } = await filledDraft();
    expect((await finalize(other.cookie, id)).statusCode).toBe(404);
    for (const role of ['department', 'province', 'expert'] as const) {
      expect((await finalize((await insertUser(t, role)).cookie, id)).statusCode).toBe(403);
    }
    expect((await view(admin.cookie, id)).finalization.current).toBeNull();
  });
});

describe('打印', () => {
  it('定稿前打印为草稿；定稿后打印定稿，preview=1 仍为草稿；文件名为中文', async () => {
    const { id } = await filledDraft();
    const draft = await print(admin.cookie, id, 'application-form');
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.headers['x-shenbao-print-mode']).toBe('draft');
    expect(draft.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(String(draft.headers['content-disposition']))).toContain(
      `项目申报书-${completeForm().title}（草稿）.pdf`,
    );
    await finalize(admin.cookie, id);
    const final = await print(admin.cookie, id, 'application-form');
    expect(final.headers['x-shenbao-print-mode']).toBe('final');
    expect(decodeURIComponent(String(final.headers['content-disposition']))).toContain(
      `项目申报书-${completeForm().title}.pdf`,
    );
    const preview = await print(admin.cookie, id, 'application-form', '?preview=1');
    expect(preview.headers['x-shenbao-print-mode']).toBe('draft');
    for (const document of ['cover', 'unit-info', 'info-form', 'forms', 'package']) {
      expect((await print(admin.cookie, id, document)).statusCode, document).toBe(200);
    }
    expect((await print(admin.cookie, id, 'budget')).statusCode).toBe(400);
  });

  it('主管部门和省里可打印已收到的申报书；别的单位、别的主管部门和专家答 404', async () => {
    const { admin: owner, id } = await submitThroughApi(t);
    const organization = (await repositories(t.db).organizations.findById(owner.organizationId))!;
    const departments = await repositories(t.db).departments.list();
    const elsewhere = departments.find((d) => d.id !== organization.departmentId)!;
    const readers = [
      await insertUser(t, 'department', { departmentId: organization.departmentId! }),
      await insertUser(t, 'province'),
    ];
    for (const reader of readers) {
      expect((await print(reader.cookie, id, 'package')).statusCode).toBe(200);
    }
    const strangers = [
      other,
      await insertUser(t, 'department', { departmentId: elsewhere.id }),
      await insertUser(t, 'expert'),
    ];
    for (const stranger of strangers) {
      const response = await print(stranger.cookie, id, 'forms');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });
});

describe('公开的指纹核验', () => {
  it('答生成时间、计划名称、是否现行定稿，不答项目名称和人名；重新打开后不再是现行定稿', async () => {
    const { id, version } = await filledDraft();
    const { sha256 } = (await finalize(admin.cookie, id)).json().snapshot;
    const check = () => inject(t.app, { method: 'GET', url: `/api/public/fingerprints/${sha256}` });
    const response = await check();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['acceptanceNo', 'callName', 'current', 'generatedAt']);
    expect(body).toMatchObject({ current: true, acceptanceNo: null });
    expect(body.generatedAt).toMatch(/\+08:00$/);
    expect(response.body).not.toContain(completeForm().title!);
    await save(admin, id, version, completeForm({ summary: '又改了。' }));
    expect((await check()).json().current).toBe(false);
    const unknown = await inject(t.app, { method: 'GET', url: `/api/public/fingerprints/${'0'.repeat(64)}` });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('签字盖章扫描件', () => {
  it('上传项目申报书扫描件须注明打印自本申报书的哪一版定稿', async () => {
    const { id } = await filledDraft();
    const without = await uploadScan(admin, id, 'application-form');
    expect(without.statusCode).toBe(400);
    expect(without.json().error.fields[0].path).toBe('printedFrom');
    expect(without.json().error.fields[0].message).toMatch(/定稿/);
    const elsewhere = await filledDraft(other);
    const foreign = (await finalize(other.cookie, elsewhere.id)).json().snapshot.sha256;
    expect((await uploadScan(admin, id, 'application-form', foreign)).statusCode).toBe(400);
    const own = (await finalize(admin.cookie, id)).json().snapshot.sha256;
    const accepted = await uploadScan(admin, id, 'application-form', own);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().document.metadata.printedFrom).toBe(own);
    expect((await uploadScan(admin, id, 'cooperation-agreement')).statusCode).toBe(201);
  });

  it('定稿后修改内容，申报单位和主管部门都看到扫描件与当前内容不一致的提示', async () => {
    const { id, version } = await filledDraft();
    const { sha256 } = (await finalize(admin.cookie, id)).json().snapshot;
    expect((await uploadScan(admin, id, 'info-form', sha256)).statusCode).toBe(201);
    expect((await view(admin.cookie, id)).finalization.scanNotices).toEqual([]);
    await save(admin, id, version, completeForm({ summary: '定稿后又修改。' }));
    const [notice] = (await view(admin.cookie, id)).finalization.scanNotices;
    expect(notice).toContain('项目信息表扫描件打印自');
    expect(notice).toContain(`指纹前 8 位 ${sha256.slice(0, 8)}`);
    expect(notice).toContain('请重新定稿、打印并上传签字盖章扫描件');
    expect(notice).not.toMatch(/[0-9a-f]{9,}/);

    const organization = (await repositories(t.db).organizations.findById(admin.organizationId))!;
    await repositories(t.db).applications.updateAtVersion(
      id,
      (await view(admin.cookie, id)).application.version,
      {
        status: 'submitted',
        submittedAt: t.clock.now(),
      },
    );
    const reviewer = await insertUser(t, 'department', { departmentId: organization.departmentId! });
    const detail = await inject(t.app, {
      method: 'GET',
      url: `/api/review/applications/${id}`,
      cookie: reviewer.cookie,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().finalization.scanNotices).toEqual([notice]);
  });
});
