import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

const secret = 'x'.repeat(32);

describe('config', () => {
  it('未设置时取默认值', () => {
    const config = loadConfig({ SESSION_SECRET: secret });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info' });
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
  });

  it('SMTP_URL 与 MAIL_FROM：不设置时不发邮件；设置有误时指出变量且不泄露密码', () => {
    expect(loadConfig({ SESSION_SECRET: secret }).mail).toBeUndefined();
    expect(
      loadConfig({ SESSION_SECRET: secret, SMTP_URL: 'smtps://noreply%40example.cn:pw@smtp.example.cn:465' })
        .mail,
    ).toEqual({ smtpUrl: 'smtps://noreply%40example.cn:pw@smtp.example.cn:465', from: 'noreply@example.cn' });
    expect(
      loadConfig({ SESSION_SECRET: secret, SMTP_URL: 'smtp://mail.local:25', MAIL_FROM: '申报系统 <a@b.cn>' })
        .mail,
    ).toEqual({ smtpUrl: 'smtp://mail.local:25', from: '申报系统 <a@b.cn>' });
    expect(() => loadConfig({ SESSION_SECRET: secret, SMTP_URL: 'http://user:secret@x' })).toThrowError(
      /环境变量 SMTP_URL 无效：应为 smtp:\/\/ 或 smtps:\/\/ 开头的地址/,
    );
    expect(() => loadConfig({ SESSION_SECRET: secret, SMTP_URL: 'http://user:secret@x' })).not.toThrowError(
      /secret/,
    );
    expect(() => loadConfig({ SESSION_SECRET: secret, MAIL_FROM: 'not an address' })).toThrowError(
      /环境变量 MAIL_FROM 无效/,
    );
  });

  it('附件数量与空间上限：默认值与设置值（MB 折算为字节）', () => {
    expect(loadConfig({ SESSION_SECRET: secret }).uploadLimits).toEqual({
      documentsPerKind: 50,
      applicationBytes: 1024 * 1024 * 1024,
      organizationBytes: 20480 * 1024 * 1024,
    });
    const configured = loadConfig({
      SESSION_SECRET: secret,
      UPLOAD_MAX_DOCUMENTS_PER_KIND: '3',
      UPLOAD_MAX_APPLICATION_MB: '1.5',
      UPLOAD_MAX_ORGANIZATION_MB: '10',
    });
    expect(configured.uploadLimits).toEqual({
      documentsPerKind: 3,
      applicationBytes: 1.5 * 1024 * 1024,
      organizationBytes: 10 * 1024 * 1024,
    });
    expect(() => loadConfig({ SESSION_SECRET: secret, UPLOAD_MAX_DOCUMENTS_PER_KIND: '2.5' })).toThrowError(
      /环境变量 UPLOAD_MAX_DOCUMENTS_PER_KIND 无效：应为正整数（份）/,
    );
    expect(() => loadConfig({ SESSION_SECRET: secret, UPLOAD_MAX_ORGANIZATION_MB: '0' })).toThrowError(
      /环境变量 UPLOAD_MAX_ORGANIZATION_MB 无效/,
    );
  });

  it('DATABASE_POOL_SIZE：每个进程默认 4 个连接；非正整数时指出变量', () => {
    expect(loadConfig({ SESSION_SECRET: secret }).databasePoolSize).toBe(4);
    expect(loadConfig({ SESSION_SECRET: secret, DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
    expect(() => loadConfig({ SESSION_SECRET: secret, DATABASE_POOL_SIZE: '0' })).toThrowError(
      /环境变量 DATABASE_POOL_SIZE 无效：应为正整数（每个服务进程的 PostgreSQL 连接数）/,
    );
  });

  it('WORKERS：PostgreSQL 默认每核一个进程，PGlite 只允许一个', () => {
    const pg = 'postgres://app@db.local/shenbao';
    expect(loadConfig({ SESSION_SECRET: secret }).workers).toBe(1);
    expect(loadConfig({ SESSION_SECRET: secret, DATABASE_URL: pg }).workers).toBe(availableParallelism());
    expect(loadConfig({ SESSION_SECRET: secret, DATABASE_URL: pg, WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ SESSION_SECRET: secret, WORKERS: '1' }).workers).toBe(1);
    expect(() => loadConfig({ SESSION_SECRET: secret, WORKERS: '2' })).toThrowError(
      /环境变量 WORKERS 无效：.*内嵌 PGlite 只允许 1 个进程/,
    );
    expect(() => loadConfig({ SESSION_SECRET: secret, DATABASE_URL: pg, WORKERS: '0' })).toThrowError(
      /环境变量 WORKERS 无效/,
    );
  });

  it('空字符串视为未设置', () => {
    expect(loadConfig({ SESSION_SECRET: secret, PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('变量无效时以中英文报错并指出变量名', () => {
    expect(() => loadConfig({ SESSION_SECRET: secret, PORT: 'eighty' })).toThrowError(
      /环境变量 PORT 无效：应为 1–65535 的整数.*\n.*Invalid environment variable PORT/,
    );
    expect(() => loadConfig({ SESSION_SECRET: secret, DATABASE_URL: 'mysql://root@db/x' })).toThrowError(
      ConfigError,
    );
  });

  it('FILE_STORE：不设置时存于 DATA_DIR/files；s3://存储桶/前缀 与 S3 变量一起读取', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-config-'));
    expect(loadConfig({ SESSION_SECRET: secret, DATA_DIR: dataDir }).fileStore).toEqual({
      kind: 'local',
      root: join(dataDir, 'files'),
    });
    const s3 = {
      SESSION_SECRET: secret,
      FILE_STORE: 's3://shenbao-files/jiangsu/2026/',
      AWS_REGION: 'cn-north-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI',
      S3_ENDPOINT: 'http://minio.internal:9000',
      S3_FORCE_PATH_STYLE: 'true',
    };
    expect(loadConfig(s3).fileStore).toEqual({
      kind: 's3',
      bucket: 'shenbao-files',
      prefix: 'jiangsu/2026/',
      region: 'cn-north-1',
      endpoint: 'http://minio.internal:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI' },
    });
    const roleOnly = { SESSION_SECRET: secret, FILE_STORE: 's3://shenbao-files', AWS_REGION: 'cn-north-1' };
    expect(loadConfig(roleOnly).fileStore).toMatchObject({
      prefix: '',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it('FILE_STORE 有误或缺少所需的 S3 变量时，以中文指出变量，不回显密钥', () => {
    const base = { SESSION_SECRET: secret, FILE_STORE: 's3://shenbao-files', AWS_REGION: 'cn-north-1' };
    expect(() => loadConfig({ ...base, FILE_STORE: '/srv/files' })).toThrowError(
      /环境变量 FILE_STORE 无效：应为 s3:\/\/存储桶名\[\/前缀\]/,
    );
    expect(() => loadConfig({ ...base, FILE_STORE: 's3://Upper_Case' })).toThrowError(
      /环境变量 FILE_STORE 无效/,
    );
    expect(() => loadConfig({ ...base, AWS_REGION: '' })).toThrowError(
      /环境变量 AWS_REGION 无效：使用 S3 存储（FILE_STORE=s3:\/\/…）时必须设置/,
    );
    expect(() => loadConfig({ ...base, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' })).toThrowError(
      /环境变量 AWS_SECRET_ACCESS_KEY 无效：须与 AWS_ACCESS_KEY_ID 同时设置/,
    );
    expect(() => loadConfig({ ...base, AWS_SECRET_ACCESS_KEY: 'hunter2' })).toThrowError(
      /环境变量 AWS_ACCESS_KEY_ID 无效/,
    );
    expect(() => loadConfig({ ...base, AWS_SECRET_ACCESS_KEY: 'hunter2' })).not.toThrowError(/hunter2/);
    expect(() => loadConfig({ ...base, S3_ENDPOINT: 'minio:9000' })).toThrowError(
      /环境变量 S3_ENDPOINT 无效/,
    );
    expect(() => loadConfig({ ...base, S3_FORCE_PATH_STYLE: 'yes' })).toThrowError(
      /环境变量 S3_FORCE_PATH_STYLE 无效：应为 true 或 false/,
    );
    // Without FILE_STORE the S3 variables are someone else's (the AWS CLI's): they are not the app's to refuse.
    expect(loadConfig({ SESSION_SECRET: secret, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' }).fileStore.kind).toBe(
      'local',
    );
  });

  it('报错时不回显密钥和连接串', () => {
    let message = '';
    try {
      loadConfig({ SESSION_SECRET: 'short-secret', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SESSION_SECRET');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('short-secret');
  });

  it('未设置 SESSION_SECRET 时生成并保存在 DATA_DIR，重启后沿用', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shenbao-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
  });
});
