import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applicationEvents, applications, documents, files } from '../../src/server/db/schema.js';
import { NONE_COMPLETE } from '../../src/core/bundle/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { type DocumentView, MB } from '../../src/contract/documents.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { randomUuid, uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, registerUnitAdmin, type UnitAdmin, useTestApp } from '../support/harness.js';
import { pdf, pdfChunks, pdfWithXrefStream, PNG, sha256 } from '../support/pdf.js';
import { useS3 } from '../support/s3.js';

// The PostgreSQL pass runs these routes on an S3 store (s3rver), the PGlite pass on local disk: each store meets
// them once, without a third run of the file.
const s3 = process.env.DATABASE_URL ? useS3() : undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-documents-'));
const t = useTestApp(() => ({ DATA_DIR: dataDir, ...s3?.env() }));
const filesDir = join(dataDir, 'files');
const temporaryDir = join(filesDir, 'tmp');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Application = Awaited<ReturnType<typeof insertApplication>>;
interface Session {
  cookie: string;
}

let admin: UnitAdmin;
let otherAdmin: UnitAdmin;
let pi: Session;
let otherPi: Session;
let department: Session;
let otherDepartment: Session;
let province: Session;
let expert: Session;
let application: Application;
let foreignApplication: Application;

beforeAll(async () => {
  admin = await registerUnitAdmin(t);
  otherAdmin = await registerUnitAdmin(t);
  const [ownDepartment, elsewhere] = await repositories(t.db).departments.list();
  const leader = await insertPerson(t.db, admin.organizationId, '张三');
  const colleague = await insertPerson(t.db, admin.organizationId, '李四');
  const stranger = await insertPerson(t.db, otherAdmin.organizationId, '王五');
  pi = await insertUser(t, 'pi', { organizationId: admin.organizationId, personId: leader.id });
  otherPi = await insertUser(t, 'pi', { organizationId: admin.organizationId, personId: colleague.id });
  department = await insertUser(t, 'department', { departmentId: ownDepartment!.id });
  otherDepartment = await insertUser(t, 'department', { departmentId: elsewhere!.id });
  province = await insertUser(t, 'province');
  expert = await insertUser(t, 'expert');
  application = await insertApplication(t.db, {
    organizationId: admin.organizationId,
    piId: leader.id,
    departmentId: ownDepartment!.id,
  });
  await insertApplication(t.db, {
    organizationId: admin.organizationId,
    piId: colleague.id,
    departmentId: ownDepartment!.id,
  });
  foreignApplication = await insertApplication(t.db, {
    organizationId: otherAdmin.organizationId,
    piId: stranger.id,
    departmentId: elsewhere!.id,
  });
});

type Fields = Record<string, string | string[]>;
const AGREEMENT: Fields = {
  kind: 'cooperation-agreement',
  parties: ['南京测试科技有限公司', 'Example GmbH'],
  signedOn: '2026-03-01',
  validUntil: '2029-02-28',
  language: 'foreign',
  chineseTranslation: 'true',
  'complete.signatures': 'true',
  'complete.seals': 'true',
  'complete.ipClause': 'false',
};

function form(file: Buffer | undefined, fields: Fields = AGREEMENT, fileName = '国际合作协议.pdf'): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) body.append(name, item);
  }
  if (file) body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), fileName);
  return body;
}

function upload(session: Session, file: Buffer | undefined, options: { fields?: Fields; to?: string } = {}) {
  return inject(t.app, {
    method: 'POST',
    url: `/api/applications/${options.to ?? application.id}/documents`,
    cookie: session.cookie,
    payload: form(file, options.fields),
  });
}

async function uploaded(
  session: Session = admin,
  file = pdf({ seed: `upload-${uniqueNumber()}` }),
): Promise<DocumentView> {
  const response = await upload(session, file);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().document;
}

async function list(session: Session, query = '', applicationId = application.id) {
  return inject(t.app, {
    method: 'GET',
    url: `/api/applications/${applicationId}/documents${query}`,
    cookie: session.cookie,
  });
}

function download(session: Session, documentId: string, headers: Record<string, string> = {}) {
  return inject(t.app, {
    method: 'GET',
    url: `/api/documents/${documentId}/file`,
    cookie: session.cookie,
    headers,
  });
}

/** Status and body, which must not tell an existing record the caller may not see from a missing one. */
const answer = (response: { statusCode: number; body: string }) => ({
  status: response.statusCode,
  body: response.body,
});

/** The hashes of the blobs in the store, not counting staged ones. */
async function storedBlobs(): Promise<string[]> {
  if (s3)
    return (await s3.keys()).filter((key) => !key.startsWith('tmp/')).map((key) => key.split('/').pop()!);
  if (!existsSync(filesDir)) return [];
  return readdirSync(filesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.startsWith(temporaryDir))
    .map((entry) => entry.name);
}

/** What the store holds staged: an upload refused or failed leaves nothing there. */
async function temporaryFiles(): Promise<string[]> {
  if (s3) return s3.keys('tmp/');
  return existsSync(temporaryDir) ? readdirSync(temporaryDir) : [];
}

async function eventsOf(kind: string) {
  return t.db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, application.id), eq(applicationEvents.kind, kind)));
}

describe('POST /api/applications/:id/documents', () => {
  it('上传 PDF：返回的 SHA-256 指纹与文件字节一致，信息按表单保存', async () => {
    const file = pdf({ seed: 'fingerprint' });
    const response = await upload(admin, file);
    expect(response.statusCode, response.body).toBe(201);
    const document: DocumentView = response.json().document;
    expect(document).toMatchObject({
      applicationId: application.id,
      kind: 'cooperation-agreement',
      fileName: '国际合作协议.pdf',
      sha256: sha256(file),
      size: file.length,
      metadata: {
        parties: ['南京测试科技有限公司', 'Example GmbH'],
        signedOn: '2026-03-01',
        validUntil: '2029-02-28',
        language: 'foreign',
        chineseTranslation: true,
        complete: {
          signatures: true,
          seals: true,
          dates: false,
          representatives: false,
          duties: false,
          ipClause: false,
        },
      },
      uploadedBy: { id: admin.userId },
      supersededAt: null,
      replacedBy: null,
    });
    expect(await storedBlobs()).toContain(sha256(file));
    const [event] = (await eventsOf('document.uploaded')).filter((e) => e.detail.documentId === document.id);
    expect(event).toMatchObject({
      actorUserId: admin.userId,
      detail: { kind: 'cooperation-agreement', sha256: sha256(file), fileName: '国际合作协议.pdf' },
    });
  });

  it('项目负责人可为自己的申报书上传附件；未填的信息取默认值', async () => {
    const response = await upload(pi, pdf({ seed: 'by-pi' }), {
      fields: { kind: 'integrity-commitment-pi' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().document.metadata).toEqual({
      parties: [],
      signedOn: null,
      validUntil: null,
      language: 'zh',
      chineseTranslation: false,
      complete: NONE_COMPLETE,
      caption: null,
      printedFrom: null,
    });
  });

  it('以交叉引用流（/Type /XRef）结尾的 PDF 也被接受', async () => {
    const file = pdfWithXrefStream();
    const response = await upload(admin, file);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().document.sha256).toBe(sha256(file));
  });

  it('相同内容上传两次只存一份文件', async () => {
    const file = pdf({ seed: 'twice' });
    const first = await uploaded(admin, file);
    const second = await uploaded(pi, file);
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect((await storedBlobs()).filter((name) => name === first.sha256)).toHaveLength(1);
    expect(await t.db.select().from(files).where(eq(files.sha256, first.sha256))).toHaveLength(1);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('字段有误时以中文逐项指出，文件不被保存', async () => {
    const file = pdf({ seed: 'bad-fields' });
    const response = await upload(admin, file, {
      fields: { kind: 'contract', signedOn: '2026-02-30', 'complete.seals': 'maybe' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'complete.seals',
      'kind',
      'signedOn',
    ]);
    expect(error.fields.find((field: { path: string }) => field.path === 'kind').message).toMatch(
      /^附件类型：/,
    );
    expect(await storedBlobs()).not.toContain(sha256(file));
    expect(await temporaryFiles()).toEqual([]);
  });

  it('未选择文件时指出 file 字段', async () => {
    const response = await upload(admin, undefined);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'file', message: '请选择要上传的 PDF 文件' }]);
  });

  it('一次上传两个文件时被拒绝，已收到的文件不被保存', async () => {
    const first = pdf({ seed: 'first-of-two' });
    const body = form(first);
    body.append('file', new Blob([new Uint8Array(pdf({ seed: 'second-of-two' }))]), 'b.pdf');
    const response = await inject(t.app, {
      method: 'POST',
      url: `/api/applications/${application.id}/documents`,
      cookie: admin.cookie,
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('每次只能上传一个文件');
    expect(await storedBlobs()).not.toContain(sha256(first));
    expect(await temporaryFiles()).toEqual([]);
  });

  it('文件名去掉方向控制等不可见字符，PDF 一律以 .pdf 结尾；下载时用同一个名字', async () => {
    const named = async (fileName: string) => {
      const response = await inject(t.app, {
        method: 'POST',
        url: `/api/applications/${application.id}/documents`,
        cookie: admin.cookie,
        payload: form(pdf({ seed: `name-${uniqueNumber()}` }), AGREEMENT, fileName),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ document: DocumentView }>().document;
    };
    // Shown as "alm.pdf" by the right-to-left override; really an .html.
    const disguised = await named('a\u202Efdp.html');
    expect(disguised.fileName).toBe('afdp.pdf');
    const listed = (await list(admin)).json<{ documents: DocumentView[] }>().documents;
    expect(listed.find((d) => d.id === disguised.id)?.fileName).toBe('afdp.pdf');
    expect((await download(admin, disguised.id)).headers['content-disposition']).toBe(
      `attachment; filename="afdp.pdf"; filename*=UTF-8''afdp.pdf`,
    );

    expect((await named('报告')).fileName).toBe('报告.pdf');
    expect((await named('x.html')).fileName).toBe('x.pdf');
    expect((await named(' \u2066协议\u2069\u200B v1.2\u0007 ')).fileName).toBe('协议 v1.2.pdf');
    expect((await named('申报书.PDF')).fileName).toBe('申报书.pdf');
    expect([...(await named(`${'长'.repeat(300)}.pdf`)).fileName]).toHaveLength(124);
    // Nothing but invisible characters: the kind's name.
    expect((await named('\u202E\u200F.html')).fileName).toBe('合作协议.pdf');
  });

  it('不是 multipart 表单时返回 415', async () => {
    const response = await inject(t.app, {
      method: 'POST',
      url: `/api/applications/${application.id}/documents`,
      cookie: admin.cookie,
      payload: { kind: 'cooperation-agreement' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('MULTIPART_REQUIRED');
  });

  it('文件存储无法访问时上传和下载都返回 503 并请稍后重试，不留下附件记录', async () => {
    const unreachable = await t.buildApp({
      FILE_STORE: 's3://shenbao-files',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      // Nothing listens on port 1: the connection is refused at once.
      S3_ENDPOINT: 'http://127.0.0.1:1',
      S3_FORCE_PATH_STYLE: 'true',
    });
    const before = (await list(admin, '?history=1')).json().documents.length;
    const response = await inject(unreachable, {
      method: 'POST',
      url: `/api/applications/${application.id}/documents`,
      cookie: admin.cookie,
      payload: form(pdf({ seed: 'store-down' })),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'FILE_STORE_UNAVAILABLE', message: '文件存储暂时不可用，请稍后再试' },
    });
    expect((await list(admin, '?history=1')).json().documents).toHaveLength(before);

    const stored = await uploaded();
    const download = await inject(unreachable, {
      method: 'GET',
      url: `/api/documents/${stored.id}/file`,
      cookie: admin.cookie,
    });
    expect(download.statusCode).toBe(503);
    expect(download.headers['content-type']).toMatch(/^application\/json/);
    expect(download.headers['content-disposition']).toBeUndefined();
    expect(download.json().error.code).toBe('FILE_STORE_UNAVAILABLE');
  });
});

describe('上传检查', () => {
  const rejections = [
    {
      name: '改名为 .pdf 的 PNG 图片被拒绝（415）',
      file: () => PNG,
      status: 415,
      code: 'FILE_NOT_PDF',
      message: /PNG.*不是 PDF/,
    },
    {
      name: '被截断、没有 %%EOF 的 PDF 被拒绝（422）',
      file: () => {
        const whole = pdf({ seed: 'truncated' });
        return whole.subarray(0, whole.length - 40);
      },
      status: 422,
      code: 'PDF_MALFORMED',
      message: /%%EOF/,
    },
    {
      name: 'startxref 指向的位置不是交叉引用表时被拒绝（422）',
      file: () => pdf({ seed: 'nowhere', startxref: 20 }),
      status: 422,
      code: 'PDF_MALFORMED',
      message: /startxref 指向的第 20 字节/,
    },
    {
      name: 'startxref 超出文件大小时被拒绝（422）',
      file: () => pdf({ seed: 'beyond', startxref: 10_000_000 }),
      status: 422,
      code: 'PDF_MALFORMED',
      message: /超出了文件大小/,
    },
    {
      name: '文件头不是 %PDF-1.x 或 %PDF-2.0 时被拒绝（422）',
      file: () => pdf({ seed: 'version', version: '9.9' }),
      status: 422,
      code: 'PDF_MALFORMED',
      message: /%PDF-1\.x 或 %PDF-2\.0/,
    },
    {
      name: '空文件被拒绝（415）',
      file: () => Buffer.alloc(0),
      status: 415,
      code: 'FILE_NOT_PDF',
      message: /空/,
    },
    {
      name: '21 MB 的 PDF 超过 20 MB 上限被拒绝（413）',
      file: () => pdf({ seed: 'large', size: 21 * MB }),
      status: 413,
      code: 'FILE_TOO_LARGE',
      message: /20 MB/,
    },
  ];

  it.each(rejections)('$name，不留下任何临时文件或记录', async ({ file, status, code, message }) => {
    const bytes = file();
    const before = await t.db.select().from(documents);
    const response = await upload(admin, bytes);
    expect(response.statusCode, response.body).toBe(status);
    const { error } = response.json();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.fields).toEqual([{ path: 'file', message: error.message }]);
    expect(await temporaryFiles()).toEqual([]);
    expect(await storedBlobs()).not.toContain(sha256(bytes));
    expect(await t.db.select().from(documents)).toHaveLength(before.length);
  });

  it('经真实 HTTP 上传时，读完之前的拒绝会关闭连接，随后的上传照常成功', async () => {
    const server = await t.buildApp();
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const url = `${base}/api/applications/${application.id}/documents`;
    const send = (file: Readable) =>
      fetch(url, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=B' },
        body: Readable.toWeb(
          Readable.from(
            (async function* () {
              yield Buffer.from(
                '--B\r\nContent-Disposition: form-data; name="kind"\r\n\r\nplatform-proof\r\n' +
                  '--B\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n',
              );
              yield* file;
              yield Buffer.from('\r\n--B--\r\n');
            })(),
          ),
        ),
        duplex: 'half',
      } as RequestInit);
    const endlessText = Readable.from(
      (function* () {
        for (let i = 0; i < 2000; i++) yield Buffer.alloc(64 * 1024, 'a');
      })(),
    );
    const refused = await send(endlessText);
    expect(refused.status).toBe(415);
    expect(refused.headers.get('connection')).toBe('close');
    await refused.text();
    const accepted = await send(Readable.from(pdfChunks({ seed: 'after-refusal', size: MB })));
    expect(accepted.status).toBe(201);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('恰好 20 MB 的 PDF 可以上传', async () => {
    const file = pdf({ seed: 'at-limit', size: 20 * MB });
    const response = await upload(admin, file);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().document).toMatchObject({ size: 20 * MB, sha256: sha256(file) });
  });
});

describe('GET /api/documents/:docId/file', () => {
  it('下载得到逐字节相同的文件，带 ETag 与 RFC 5987 编码的中文文件名', async () => {
    const file = pdf({ seed: 'download' });
    const document = await uploaded(admin, file);
    const response = await download(admin, document.id);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(file)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(file.length),
      etag: `"${sha256(file)}"`,
      'x-content-type-options': 'nosniff',
    });
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('国际合作协议.pdf')}`,
    );
  });

  it('If-None-Match 与指纹相同时返回 304', async () => {
    const document = await uploaded();
    const response = await download(admin, document.id, { 'if-none-match': `"${document.sha256}"` });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe('');
  });

  it('项目负责人可以下载；草稿的附件主管部门和省级用户看不到', async () => {
    const document = await uploaded();
    expect((await download(pi, document.id)).statusCode).toBe(200);
    for (const session of [department, province]) {
      expect((await download(session, document.id)).statusCode).toBe(404);
      expect((await list(session)).statusCode).toBe(404);
    }
  });
});

describe('替换、修改、删除', () => {
  it('替换文件后列表只显示新版本，旧版本作为历史保留且仍可下载', async () => {
    const oldFile = pdf({ seed: 'v1' });
    const old = await uploaded(admin, oldFile);
    const newFile = pdf({ seed: 'v2' });
    const response = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${application.id}/documents/${old.id}`,
      cookie: pi.cookie,
      payload: form(newFile, {}, '合作协议（盖章版）.pdf'),
    });
    expect(response.statusCode, response.body).toBe(200);
    const current: DocumentView = response.json().document;
    expect(current).toMatchObject({
      kind: old.kind,
      sha256: sha256(newFile),
      fileName: '合作协议（盖章版）.pdf',
      metadata: old.metadata,
      replacedBy: null,
    });

    const ids = (await list(admin)).json().documents.map((d: DocumentView) => d.id);
    expect(ids).toContain(current.id);
    expect(ids).not.toContain(old.id);
    const history: DocumentView[] = (await list(admin, '?history=1')).json().documents;
    expect(history.find((d) => d.id === old.id)).toMatchObject({
      sha256: sha256(oldFile),
      replacedBy: current.id,
      supersededAt: expect.any(String),
    });
    expect((await download(admin, old.id)).rawPayload.equals(oldFile)).toBe(true);
    const events = await eventsOf('document.replaced');
    expect(events.map((e) => e.detail)).toContainEqual({
      documentId: current.id,
      previousDocumentId: old.id,
      kind: old.kind,
      sha256: sha256(newFile),
      fileName: '合作协议（盖章版）.pdf',
    });
  });

  it('PUT 只提交信息时保留原文件，信息整体替换', async () => {
    const old = await uploaded();
    const response = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${application.id}/documents/${old.id}`,
      cookie: admin.cookie,
      payload: form(undefined, { kind: 'letter-of-intent', parties: 'Example GmbH' }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().document).toMatchObject({
      kind: 'letter-of-intent',
      sha256: old.sha256,
      fileName: old.fileName,
      metadata: { parties: ['Example GmbH'], signedOn: null, language: 'zh', chineseTranslation: false },
    });
  });

  it('PUT 不含文件也不含信息时被拒绝', async () => {
    const old = await uploaded();
    const response = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${application.id}/documents/${old.id}`,
      cookie: admin.cookie,
      payload: form(undefined, {}),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('file');
  });

  it('PATCH 只改所给的信息，指向同一文件的新版本取代旧版本', async () => {
    const old = await uploaded();
    const response = await inject(t.app, {
      method: 'PATCH',
      url: `/api/applications/${application.id}/documents/${old.id}`,
      cookie: admin.cookie,
      payload: { validUntil: null, complete: { dates: true } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const current: DocumentView = response.json().document;
    expect(current.id).not.toBe(old.id);
    expect(current).toMatchObject({ sha256: old.sha256, kind: old.kind });
    expect(current.metadata).toEqual({
      ...old.metadata,
      validUntil: null,
      complete: { ...old.metadata.complete, dates: true },
    });
    const history: DocumentView[] = (await list(admin, '?history=1')).json().documents;
    expect(history.find((d) => d.id === old.id)?.replacedBy).toBe(current.id);
    expect((await eventsOf('document.updated')).some((event) => event.detail.documentId === current.id)).toBe(
      true,
    );
  });

  it('空的 PATCH 被拒绝', async () => {
    const old = await uploaded();
    const response = await inject(t.app, {
      method: 'PATCH',
      url: `/api/applications/${application.id}/documents/${old.id}`,
      cookie: admin.cookie,
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('请至少修改一项');
  });

  it('删除后不再列出，历史中保留；已被替换的旧版本不能再删除', async () => {
    const document = await uploaded();
    const url = `/api/applications/${application.id}/documents/${document.id}`;
    const response = await inject(t.app, { method: 'DELETE', url, cookie: admin.cookie });
    expect(response.statusCode).toBe(204);
    const ids = (await list(admin)).json().documents.map((d: DocumentView) => d.id);
    expect(ids).not.toContain(document.id);
    const history: DocumentView[] = (await list(admin, '?history=1')).json().documents;
    expect(history.find((d) => d.id === document.id)).toMatchObject({
      replacedBy: null,
      supersededAt: expect.any(String),
    });
    expect((await eventsOf('document.deleted')).map((e) => e.detail)).toContainEqual({
      documentId: document.id,
      kind: document.kind,
      sha256: document.sha256,
      fileName: document.fileName,
    });
    expect((await inject(t.app, { method: 'DELETE', url, cookie: admin.cookie })).statusCode).toBe(404);
  });
});

describe('访问控制', () => {
  const missing = randomUuid();

  it('未登录返回 401', async () => {
    const response = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${application.id}/documents`,
    });
    expect(response.statusCode).toBe(401);
  });

  it('主管部门、省级用户和专家不能上传（403）', async () => {
    for (const session of [department, province, expert]) {
      const response = await upload(session, pdf({ seed: 'role' }));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('其他单位的管理员、其他申报书的负责人和专家看不到附件，与不存在时的回答相同', async () => {
    const document = await uploaded();
    for (const outsider of [otherAdmin, otherPi, expert]) {
      const listed = answer(await list(outsider));
      expect(listed.status).toBe(404);
      expect(listed).toEqual(answer(await list(outsider, '', missing)));
      const downloaded = answer(await download(outsider, document.id));
      expect(downloaded.status).toBe(404);
      expect(downloaded).toEqual(answer(await download(outsider, missing)));
    }
  });

  it('其他单位的管理员和其他申报书的负责人不能上传、替换、修改、删除，与不存在时的回答相同', async () => {
    const document = await uploaded();
    const blobs = (await storedBlobs()).length;
    for (const outsider of [otherAdmin, otherPi]) {
      const file = pdf({ seed: 'outsider' });
      const uploadedThere = answer(await upload(outsider, file));
      expect(uploadedThere.status).toBe(404);
      expect(uploadedThere).toEqual(answer(await upload(outsider, file, { to: missing })));
      const requests = [
        { method: 'PUT' as const, payload: form(file) },
        { method: 'PATCH' as const, payload: { language: 'zh' } },
        { method: 'DELETE' as const },
      ];
      for (const request of requests) {
        const real = answer(
          await inject(t.app, {
            ...request,
            url: `/api/applications/${application.id}/documents/${document.id}`,
            cookie: outsider.cookie,
          }),
        );
        expect(real.status).toBe(404);
        const fake = answer(
          await inject(t.app, {
            ...request,
            url: `/api/applications/${missing}/documents/${missing}`,
            cookie: outsider.cookie,
          }),
        );
        expect(real).toEqual(fake);
      }
    }
    expect(await storedBlobs()).toHaveLength(blobs);
    expect(await temporaryFiles()).toEqual([]);
    expect((await list(admin)).json().documents.map((d: DocumentView) => d.id)).toContain(document.id);
  });

  it('附件属于另一申报书时，经由本申报书的地址找不到它', async () => {
    const response = await upload(otherAdmin, pdf({ seed: 'theirs' }), { to: foreignApplication.id });
    expect(response.statusCode).toBe(201);
    const foreign: DocumentView = response.json().document;
    const patched = await inject(t.app, {
      method: 'PATCH',
      url: `/api/applications/${application.id}/documents/${foreign.id}`,
      cookie: admin.cookie,
      payload: { language: 'zh' },
    });
    expect(patched.statusCode).toBe(404);
  });
});

describe('申报书提交后', () => {
  let submitted: Application;
  let document: DocumentView;

  // Each test its own submitted application: one returns it and uploads again.
  beforeEach(async () => {
    const leader = await insertPerson(t.db, admin.organizationId);
    submitted = await insertApplication(t.db, {
      organizationId: admin.organizationId,
      piId: leader.id,
      departmentId: application.departmentId,
    });
    const response = await upload(admin, pdf({ seed: 'before-submission' }), { to: submitted.id });
    document = response.json().document;
    await t.db
      .update(applications)
      .set({ status: 'submitted', submittedAt: t.clock.now() })
      .where(eq(applications.id, submitted.id));
  });

  it('不能再上传，提示已提交并说明如何修改', async () => {
    const response = await upload(admin, pdf({ seed: 'late' }), { to: submitted.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: 'NOT_EDITABLE',
      message: '申报书已提交，不能再上传、替换或删除附件；如需修改请联系项目主管部门退回',
    });
    expect(await temporaryFiles()).toEqual([]);
  });

  it('本辖区的主管部门和省级用户可以查看和下载；其他辖区的主管部门与不存在时的回答相同', async () => {
    for (const session of [department, province]) {
      expect((await list(session, '', submitted.id)).statusCode).toBe(200);
      expect((await download(session, document.id)).rawPayload).toEqual(
        (await download(admin, document.id)).rawPayload,
      );
    }
    const listed = answer(await list(otherDepartment, '', submitted.id));
    expect(listed.status).toBe(404);
    expect(listed).toEqual(answer(await list(otherDepartment, '', randomUuid())));
    const downloaded = answer(await download(otherDepartment, document.id));
    expect(downloaded.status).toBe(404);
    expect(downloaded).toEqual(answer(await download(otherDepartment, randomUuid())));
  });

  it('不能替换、修改或删除，但仍可查看和下载', async () => {
    const url = `/api/applications/${submitted.id}/documents/${document.id}`;
    for (const request of [
      { method: 'PUT' as const, payload: form(pdf({ seed: 'late-replace' })) },
      { method: 'PATCH' as const, payload: { language: 'zh' } },
      { method: 'DELETE' as const },
    ]) {
      const response = await inject(t.app, { ...request, url, cookie: admin.cookie });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('NOT_EDITABLE');
    }
    const listed = (await list(admin, '', submitted.id)).json().documents;
    expect(listed.map((d: DocumentView) => d.id)).toEqual([document.id]);
    expect((await download(admin, document.id)).statusCode).toBe(200);
  });

  it('被退回后可以再上传', async () => {
    await t.db.update(applications).set({ status: 'returned' }).where(eq(applications.id, submitted.id));
    const response = await upload(admin, pdf({ seed: 'after-return' }), { to: submitted.id });
    expect(response.statusCode).toBe(201);
    await t.db
      .update(applications)
      .set({ status: 'submitted', submittedAt: t.clock.now() })
      .where(eq(applications.id, submitted.id));
  });
});
