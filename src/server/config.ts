import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism, homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_UPLOAD_MAX_MB, MB } from '../contract/documents.js';
import { STALE_AFTER_MS } from './jobs/runner.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// What each variable must be, said once in Chinese and once in English for the start-up error.
const EXPECTED: Record<string, { zh: string; en: string; secret?: boolean }> = {
  PORT: { zh: '应为 1–65535 的整数', en: 'expected an integer from 1 to 65535' },
  HOST: { zh: '应为非空的主机名或 IP 地址', en: 'expected a non-empty host name or IP address' },
  DATABASE_URL: {
    zh: '应为 postgres:// 或 postgresql:// 开头的连接串',
    en: 'expected a postgres:// or postgresql:// URL',
    secret: true,
  },
  MIGRATION_DATABASE_URL: {
    zh: '应为 postgres:// 或 postgresql:// 开头的连接串（拥有表的迁移角色），且须同时设置 DATABASE_URL',
    en: 'expected a postgres:// or postgresql:// URL (the role that owns the tables), with DATABASE_URL set too',
    secret: true,
  },
  PUBLIC_URL: {
    zh: '应为 http:// 或 https:// 开头的网址（用户在浏览器中打开本系统的地址）',
    en: 'expected an http:// or https:// URL (where users open the platform in a browser)',
  },
  DATA_DIR: { zh: '应为非空的目录路径', en: 'expected a non-empty directory path' },
  LOG_LEVEL: { zh: `应为 ${LOG_LEVELS.join('、')} 之一`, en: `expected one of ${LOG_LEVELS.join(', ')}` },
  SESSION_SECRET: { zh: '应至少 32 个字符', en: 'expected at least 32 characters', secret: true },
  SESSION_TTL_HOURS: { zh: '应为正数（小时）', en: 'expected a positive number of hours' },
  TRUST_PROXY: {
    zh: '应为 false、true 或以逗号分隔的代理 IP 地址 / CIDR 网段',
    en: 'expected false, true or a comma-separated list of proxy IP addresses / CIDR ranges',
  },
  COOKIE_SECURE: { zh: '应为 auto、always 或 never', en: 'expected auto, always or never' },
  LOGIN_MAX_FAILURES: { zh: '应为正整数', en: 'expected a positive integer' },
  LOGIN_WINDOW_MINUTES: { zh: '应为正数（分钟）', en: 'expected a positive number of minutes' },
  LOGIN_ACCOUNT_MAX_FAILURES: { zh: '应为正整数', en: 'expected a positive integer' },
  LOGIN_IP_MAX_FAILURES: { zh: '应为正整数', en: 'expected a positive integer' },
  LOGIN_GLOBAL_MAX_FAILURES: { zh: '应为正整数', en: 'expected a positive integer' },
  RATE_LIMIT_PER_IP: {
    zh: '应为正整数（每分钟请求数）',
    en: 'expected a positive integer (requests a minute)',
  },
  RATE_LIMIT_GLOBAL: {
    zh: '应为正整数（每分钟请求数）',
    en: 'expected a positive integer (requests a minute)',
  },
  REGISTRATIONS_PER_IP_PER_HOUR: {
    zh: '应为正整数（每个地址每小时的注册及认领申请数）',
    en: 'expected a positive integer (registrations and claims an hour per address)',
  },
  PASSWORD_CHECKS_IN_FLIGHT: { zh: '应为正整数', en: 'expected a positive integer' },
  PASSWORD_CHECKS_QUEUED: { zh: '应为不小于 0 的整数', en: 'expected a non-negative integer' },
  IMPORT_PARSE_WORKERS: { zh: '应为正整数', en: 'expected a positive integer' },
  IMPORT_PARSE_QUEUED: { zh: '应为不小于 0 的整数', en: 'expected a non-negative integer' },
  UPLOAD_MAX_MB: { zh: '应为正数（MB）', en: 'expected a positive number of megabytes' },
  UPLOAD_MAX_DOCUMENTS_PER_KIND: { zh: '应为正整数（份）', en: 'expected a positive integer (documents)' },
  UPLOAD_MAX_APPLICATION_MB: { zh: '应为正数（MB）', en: 'expected a positive number of megabytes' },
  UPLOAD_MAX_ORGANIZATION_MB: { zh: '应为正数（MB）', en: 'expected a positive number of megabytes' },
  DATABASE_POOL_SIZE: {
    zh: '应为正整数（每个服务进程的 PostgreSQL 连接数）',
    en: 'expected a positive integer (PostgreSQL connections per server process)',
  },
  WORKERS: {
    zh: '应为正整数（服务进程数）；内嵌 PGlite 只允许 1 个进程，多进程须设置 DATABASE_URL 使用 PostgreSQL',
    en: 'expected a positive integer (server processes); embedded PGlite allows 1, several need DATABASE_URL (PostgreSQL)',
  },
  JOBS_POLL_MS: {
    zh: '应为不小于 0 的整数（毫秒，0 为不运行后台任务）',
    en: 'expected a non-negative integer of milliseconds (0: no background jobs)',
  },
  JOBS_STALE_AFTER_MS: {
    zh: '应为正整数（毫秒）：后台任务的进程这么久没有心跳，即由其他实例接手',
    en: 'expected a positive integer of milliseconds: a background job whose instance gave no heartbeat for this long is taken over',
  },
  RECEIPT_PRIVATE_KEY: {
    zh: '应为 PEM 格式的 Ed25519 私钥',
    en: 'expected an Ed25519 private key in PEM',
    secret: true,
  },
  AUDIT_SIGNING_KEY_FILE: {
    zh: '应为 DATA_DIR 之外的文件路径（审计检查点签名私钥，PEM）',
    en: 'expected a file path outside DATA_DIR (the audit checkpoint signing key, PEM)',
  },
  AUDIT_CHECKPOINT_DIR: { zh: '应为非空的目录路径', en: 'expected a non-empty directory path' },
  AUDIT_PUBLIC_KEY_FILE: { zh: '应为文件路径（PEM 公钥）', en: 'expected a file path (a PEM public key)' },
  SMTP_URL: {
    zh: '应为 smtp:// 或 smtps:// 开头的地址，如 smtps://用户:密码@smtp.example.com:465',
    en: 'expected an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465',
    secret: true,
  },
  MAIL_FROM: {
    zh: '应为发件地址，如 申报系统 <noreply@example.com>',
    en: 'expected a sender address, e.g. Shenbao <noreply@example.com>',
  },
  FILE_STORE: {
    zh: '应为 s3://存储桶名[/前缀]（存储桶名为 3–63 位小写字母、数字、点或连字符；不设置则存于 DATA_DIR/files）',
    en: 'expected s3://bucket[/prefix] (a bucket name of 3–63 lower-case letters, digits, dots or hyphens; unset: DATA_DIR/files)',
  },
  AWS_REGION: {
    zh: '使用 S3 存储（FILE_STORE=s3://…）时必须设置，为存储桶所在区域，如 cn-north-1',
    en: "required with an S3 store (FILE_STORE=s3://…): the bucket's region, e.g. cn-north-1",
  },
  AWS_ACCESS_KEY_ID: {
    zh: '须与 AWS_SECRET_ACCESS_KEY 同时设置（都不设置则使用云主机的实例角色等默认凭据）',
    en: 'must be set together with AWS_SECRET_ACCESS_KEY (neither: the default credentials, e.g. an instance role)',
  },
  AWS_SECRET_ACCESS_KEY: {
    zh: '须与 AWS_ACCESS_KEY_ID 同时设置（都不设置则使用云主机的实例角色等默认凭据）',
    en: 'must be set together with AWS_ACCESS_KEY_ID (neither: the default credentials, e.g. an instance role)',
    secret: true,
  },
  S3_ENDPOINT: {
    zh: '应为 http:// 或 https:// 开头的 S3 兼容服务地址，如 https://oss-cn-hangzhou.aliyuncs.com',
    en: 'expected an http:// or https:// URL of the S3-compatible service',
  },
  S3_FORCE_PATH_STYLE: {
    zh: '应为 true 或 false（true：以 地址/存储桶/对象 访问，MinIO 等需要）',
    en: 'expected true or false (true: address/bucket/key, as MinIO needs)',
  },
};

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MIGRATION_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  TRUST_PROXY: z
    .string()
    .transform((value, context) => {
      const parsed = trustedProxies(value);
      if (parsed === undefined) context.addIssue({ code: 'custom', message: 'invalid' });
      return parsed ?? false;
    })
    .default(false),
  // auto: Secure exactly when the request came over HTTPS (behind a proxy, with TRUST_PROXY set).
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  // The address e-mailed links point to; a browser's Host cannot be trusted to write them.
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  // Failed logins in LOGIN_WINDOW_MINUTES: one account from anywhere (its known devices exempt), one address
  // (a whole university may sit behind it), and everyone together.
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().positive().default(200),
  LOGIN_GLOBAL_MAX_FAILURES: z.coerce.number().int().positive().default(2000),
  // Requests a minute to the anonymous routes; a university's 17:29 logins all come from one address.
  RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(1200),
  RATE_LIMIT_GLOBAL: z.coerce.number().int().positive().default(12000),
  // Each registration creates an organization for a department to verify: a person registers a few at most.
  REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
  // argon2 runs on libuv's 4 threads, which file reads share: 2 leave them room. Beyond the queue, 429 at once.
  PASSWORD_CHECKS_IN_FLIGHT: z.coerce.number().int().positive().default(2),
  PASSWORD_CHECKS_QUEUED: z.coerce.number().int().min(0).default(200),
  // Bundle imports parsed at once, each in a worker thread holding up to a 50 MB body; beyond the queue, 429.
  IMPORT_PARSE_WORKERS: z.coerce.number().int().positive().default(2),
  IMPORT_PARSE_QUEUED: z.coerce.number().int().min(0).default(8),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(DEFAULT_UPLOAD_MAX_MB),
  // Far above any real application: the notice asks for one or a few files of each kind (one agreement per
  // partner), 50 × 20 MB files would fill 1 GB, and a university's hundred applications stay under 20 GB.
  // They stop a script that fills the disk through one account (500 PDFs into one draft in 8 s).
  UPLOAD_MAX_DOCUMENTS_PER_KIND: z.coerce.number().int().positive().default(50),
  UPLOAD_MAX_APPLICATION_MB: z.coerce.number().positive().default(1024),
  UPLOAD_MAX_ORGANIZATION_MB: z.coerce.number().positive().default(20480),
  RECEIPT_PRIVATE_KEY: z.string().includes('PRIVATE KEY').optional(),
  JOBS_POLL_MS: z.coerce.number().int().min(0).default(2000),
  JOBS_STALE_AFTER_MS: z.coerce.number().int().positive().default(STALE_AFTER_MS),
  WORKERS: z.coerce.number().int().positive().optional(),
  // Per process. Backends beyond the database's cores only queue inside it, on its locks: at the deadline,
  // 10 per process (pg's default) measured slower than 4, and submissions waited twice as long.
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(4),
  AUDIT_SIGNING_KEY_FILE: z
    .string()
    .min(1)
    .default(join(homedir(), '.config', 'shenbao', 'audit-signing-key.pem')),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/)
    .optional(),
  // Unset: files on local disk, which one machine's processes share; several machines share a bucket.
  FILE_STORE: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9._/-]*)?$/)
    .optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL only: the connections each process keeps at most. */
  databasePoolSize: number;
  /** PostgreSQL only: migrations run as this role, which owns the tables; the serving role may only append to the audit log. */
  migrationDatabaseUrl: string | undefined;
  /** Where users open the platform: the links e-mails carry start with it (no trailing slash). */
  publicUrl: string;
  dataDir: string;
  logLevel: LogLevel;
  sessionSecret: string;
  sessionTtlMs: number;
  /** Whose X-Forwarded-For is believed: no one, every peer, or these addresses and CIDR ranges. */
  trustProxy: boolean | string[];
  cookieSecure: 'auto' | 'always' | 'never';
  loginThrottle: LoginThrottleConfig;
  /** Requests a minute to the anonymous routes, per address and for everyone together. */
  rateLimit: { perIp: number; global: number; registrationsPerIpPerHour: number };
  /** Password verifications running at once per process, and how many more may wait for one. */
  passwordChecks: { inFlight: number; queued: number };
  /** Bundle imports parsed at once per process (each in a worker thread), and how many more may wait. */
  bundleParses: { inFlight: number; queued: number };
  /** The largest file an upload may carry. */
  uploadMaxBytes: number;
  uploadLimits: UploadLimits;
  /** Signs 受理回执; every instance must share it. */
  receiptPrivateKeyPem: string;
  /** Server processes sharing the port: the cores with PostgreSQL, one with PGlite (one process only). */
  workers: number;
  /** How often an instance looks for background jobs (全省交叉核查, 专家到期提醒); 0: never. */
  jobsPollMs: number;
  /** A claimed job whose heartbeat is older than this belongs to a dead instance; another takes it over. */
  jobsStaleAfterMs: number;
  audit: AuditAnchorConfig;
  /** Absent (the demo): no e-mail leaves; the outbox's rows are read in the app (我的消息). */
  mail: MailConfig | undefined;
  /** Where uploaded files live; every instance must use the same store. */
  fileStore: FileStoreConfig;
}

export type FileStoreConfig =
  | { kind: 'local'; root: string }
  | {
      kind: 's3';
      bucket: string;
      /** Empty, or ending in "/". */
      prefix: string;
      region: string;
      endpoint: string | undefined;
      forcePathStyle: boolean;
      /** Absent: the SDK's default chain (an instance role, ~/.aws). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    };

export interface MailConfig {
  smtpUrl: string;
  from: string;
}

export interface LoginThrottleConfig {
  windowMs: number;
  /** Failures of one login from one address. */
  maxFailures: number;
  /** Failures of one login from anywhere; a client that signed in to it before is exempt. */
  accountMaxFailures: number;
  /** Failures from one address, whatever the login. */
  ipMaxFailures: number;
  /** Failures of everyone together. */
  globalMaxFailures: number;
}

/** What one applicant may store; every version counts, as every version is kept. */
export interface UploadLimits {
  /** Current documents of one kind in one application. */
  documentsPerKind: number;
  /** The files of every version of an application's documents, each distinct file once. */
  applicationBytes: number;
  /** The same over all the organisation's applications. */
  organizationBytes: number;
}

export interface AuditAnchorConfig {
  /** Signs the audit checkpoints; kept outside DATA_DIR and the database. Every instance must share it. */
  signingKeyPem: string;
  /** Where checkpoints are written: outside the database. */
  checkpointDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// proxy-addr's names for the private ranges, as Fastify's trustProxy accepts them.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY read: true / false, or the list of proxy addresses; undefined when an entry is neither. */
function trustedProxies(value: string): boolean | string[] | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    if (PROXY_RANGE_NAMES.has(entry)) return true;
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
    return bits >= 0 && bits <= (version === 4 ? 32 : 128);
  };
  return entries.every(valid) ? entries : undefined;
}

const SECRET_FILE = 'session-secret';
const RECEIPT_KEY_FILE = 'receipt-signing-key.pem';

/** The variables `schema` reads, or a ConfigError naming each bad one in Chinese and English. */
function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  // An empty variable (as .env files and compose leave them) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .map((issue) => {
          const name = String(issue.path[0]);
          const expected = EXPECTED[name];
          const got = expected?.secret ? '' : `（当前值 / got: ${JSON.stringify(env[name])}）`;
          return `环境变量 ${name} 无效：${expected?.zh ?? issue.message}${got}\nInvalid environment variable ${name}: ${expected?.en ?? issue.message}`;
        })
        .join('\n'),
    );
  }
  return parsed.data;
}

/** What a command needs to open the database as the server does (DATABASE_URL, else DATA_DIR/pglite), and no more. */
export function loadDatabaseConfig(
  env: NodeJS.ProcessEnv = process.env,
): Pick<Config, 'databaseUrl' | 'dataDir'> {
  const vars = parseEnv(envSchema.pick({ DATABASE_URL: true, DATA_DIR: true }), env);
  return { databaseUrl: vars.DATABASE_URL, dataDir: resolve(vars.DATA_DIR) };
}

/** What a command needs to open and migrate the database exactly as the server does at start. */
export function loadMigratingDatabaseConfig(
  env: NodeJS.ProcessEnv = process.env,
): Pick<Config, 'databaseUrl' | 'migrationDatabaseUrl' | 'dataDir'> {
  const vars = parseEnv(
    envSchema.pick({ DATABASE_URL: true, MIGRATION_DATABASE_URL: true, DATA_DIR: true }),
    env,
  );
  return {
    databaseUrl: vars.DATABASE_URL,
    migrationDatabaseUrl: migrationUrl(vars),
    dataDir: resolve(vars.DATA_DIR),
  };
}

/**
 * What `shenbao audit verify` needs to hold the log against its checkpoints: the checkpoints' folder and the
 * public key (AUDIT_PUBLIC_KEY_FILE, or the one of the signing key the server uses).
 */
export function loadAuditVerifyConfig(env: NodeJS.ProcessEnv = process.env): {
  checkpointDir: string;
  publicKeyPem: string | undefined;
} {
  const vars = parseEnv(
    envSchema.pick({
      DATA_DIR: true,
      AUDIT_CHECKPOINT_DIR: true,
      AUDIT_PUBLIC_KEY_FILE: true,
      AUDIT_SIGNING_KEY_FILE: true,
    }),
    env,
  );
  const dataDir = resolve(vars.DATA_DIR);
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const publicKeyPem = vars.AUDIT_PUBLIC_KEY_FILE
    ? read(resolve(vars.AUDIT_PUBLIC_KEY_FILE))
    : publicKeyOf(read(resolve(vars.AUDIT_SIGNING_KEY_FILE)));
  return { checkpointDir: checkpointDirOf(dataDir, vars.AUDIT_CHECKPOINT_DIR), publicKeyPem };
}

const checkpointDirOf = (dataDir: string, configured: string | undefined) =>
  configured ? resolve(configured) : join(dataDir, 'audit-checkpoints');

function publicKeyOf(privateKeyPem: string | undefined): string | undefined {
  if (!privateKeyPem) return undefined;
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

function auditAnchorConfig(
  dataDir: string,
  vars: { AUDIT_SIGNING_KEY_FILE: string; AUDIT_CHECKPOINT_DIR?: string | undefined },
): AuditAnchorConfig {
  const keyFile = resolve(vars.AUDIT_SIGNING_KEY_FILE);
  const fromDataDir = relative(dataDir, keyFile);
  // Whoever holds DATA_DIR (or the database) must not also hold the key that could re-sign a rewritten log.
  if (!fromDataDir.startsWith('..') && !isAbsolute(fromDataDir)) {
    throw new ConfigError(
      `环境变量 AUDIT_SIGNING_KEY_FILE 无效：${EXPECTED.AUDIT_SIGNING_KEY_FILE!.zh}（当前值 / got: ${JSON.stringify(keyFile)}）\n` +
        `Invalid environment variable AUDIT_SIGNING_KEY_FILE: ${EXPECTED.AUDIT_SIGNING_KEY_FILE!.en}`,
    );
  }
  return {
    signingKeyPem: persistedFile(keyFile, () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ),
    checkpointDir: checkpointDirOf(dataDir, vars.AUDIT_CHECKPOINT_DIR),
  };
}

function workersOf(vars: { DATABASE_URL?: string | undefined; WORKERS?: number | undefined }): number {
  if (!vars.DATABASE_URL && vars.WORKERS !== undefined && vars.WORKERS > 1) {
    throw new ConfigError(
      `环境变量 WORKERS 无效：${EXPECTED.WORKERS!.zh}（当前值 / got: ${vars.WORKERS}）\n` +
        `Invalid environment variable WORKERS: ${EXPECTED.WORKERS!.en}`,
    );
  }
  return vars.WORKERS ?? (vars.DATABASE_URL ? availableParallelism() : 1);
}

function migrationUrl(vars: {
  DATABASE_URL?: string | undefined;
  MIGRATION_DATABASE_URL?: string | undefined;
}) {
  if (vars.MIGRATION_DATABASE_URL && !vars.DATABASE_URL) throw invalid('MIGRATION_DATABASE_URL');
  return vars.MIGRATION_DATABASE_URL;
}

/** A variable that is valid alone but not with the others. */
function invalid(name: string): ConfigError {
  return new ConfigError(
    `环境变量 ${name} 无效：${EXPECTED[name]!.zh}\nInvalid environment variable ${name}: ${EXPECTED[name]!.en}`,
  );
}

function fileStoreConfig(
  dataDir: string,
  vars: Pick<
    z.infer<typeof envSchema>,
    | 'FILE_STORE'
    | 'AWS_REGION'
    | 'AWS_ACCESS_KEY_ID'
    | 'AWS_SECRET_ACCESS_KEY'
    | 'S3_ENDPOINT'
    | 'S3_FORCE_PATH_STYLE'
  >,
): FileStoreConfig {
  if (!vars.FILE_STORE) return { kind: 'local', root: join(dataDir, 'files') };
  if (!vars.AWS_REGION) throw invalid('AWS_REGION');
  if (!vars.AWS_ACCESS_KEY_ID !== !vars.AWS_SECRET_ACCESS_KEY)
    throw invalid(vars.AWS_ACCESS_KEY_ID ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID');
  const [bucket = '', ...path] = vars.FILE_STORE.slice('s3://'.length).split('/');
  const prefix = path.filter((segment) => segment !== '').join('/');
  return {
    kind: 's3',
    bucket,
    prefix: prefix && `${prefix}/`,
    region: vars.AWS_REGION,
    endpoint: vars.S3_ENDPOINT,
    forcePathStyle: vars.S3_FORCE_PATH_STYLE,
    credentials:
      vars.AWS_ACCESS_KEY_ID && vars.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: vars.AWS_ACCESS_KEY_ID, secretAccessKey: vars.AWS_SECRET_ACCESS_KEY }
        : undefined,
  };
}

/** Reads the environment, failing fast on the first bad variable. May create DATA_DIR and its session secret. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const vars = parseEnv(envSchema, env);
  const dataDir = resolve(vars.DATA_DIR);
  return {
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    migrationDatabaseUrl: migrationUrl(vars),
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    dataDir,
    logLevel: vars.LOG_LEVEL,
    sessionSecret:
      vars.SESSION_SECRET ??
      persistedSecret(dataDir, SECRET_FILE, () => randomBytes(32).toString('base64url')),
    sessionTtlMs: vars.SESSION_TTL_HOURS * 3_600_000,
    trustProxy: vars.TRUST_PROXY,
    cookieSecure: vars.COOKIE_SECURE,
    loginThrottle: {
      windowMs: vars.LOGIN_WINDOW_MINUTES * 60_000,
      maxFailures: vars.LOGIN_MAX_FAILURES,
      accountMaxFailures: vars.LOGIN_ACCOUNT_MAX_FAILURES,
      ipMaxFailures: vars.LOGIN_IP_MAX_FAILURES,
      globalMaxFailures: vars.LOGIN_GLOBAL_MAX_FAILURES,
    },
    rateLimit: {
      perIp: vars.RATE_LIMIT_PER_IP,
      global: vars.RATE_LIMIT_GLOBAL,
      registrationsPerIpPerHour: vars.REGISTRATIONS_PER_IP_PER_HOUR,
    },
    passwordChecks: { inFlight: vars.PASSWORD_CHECKS_IN_FLIGHT, queued: vars.PASSWORD_CHECKS_QUEUED },
    bundleParses: { inFlight: vars.IMPORT_PARSE_WORKERS, queued: vars.IMPORT_PARSE_QUEUED },
    uploadMaxBytes: Math.floor(vars.UPLOAD_MAX_MB * MB),
    uploadLimits: {
      documentsPerKind: vars.UPLOAD_MAX_DOCUMENTS_PER_KIND,
      applicationBytes: Math.floor(vars.UPLOAD_MAX_APPLICATION_MB * MB),
      organizationBytes: Math.floor(vars.UPLOAD_MAX_ORGANIZATION_MB * MB),
    },
    workers: workersOf(vars),
    jobsPollMs: vars.JOBS_POLL_MS,
    jobsStaleAfterMs: vars.JOBS_STALE_AFTER_MS,
    fileStore: fileStoreConfig(dataDir, vars),
    audit: auditAnchorConfig(dataDir, vars),
    mail: vars.SMTP_URL
      ? { smtpUrl: vars.SMTP_URL, from: vars.MAIL_FROM ?? mailFromOf(vars.SMTP_URL) }
      : undefined,
    receiptPrivateKeyPem:
      vars.RECEIPT_PRIVATE_KEY ??
      persistedSecret(dataDir, RECEIPT_KEY_FILE, () =>
        generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ),
  };
}

/** Without MAIL_FROM, the SMTP account's own address, else noreply at the SMTP host. */
function mailFromOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const user = decodeURIComponent(url.username);
  return user.includes('@') ? user : `noreply@${url.hostname}`;
}

// Session ids are keyed with a secret and receipts signed with a key, so both must survive restarts;
// several instances must share them (set the variable, or share DATA_DIR).
function persistedSecret(dataDir: string, name: string, make: () => string): string {
  return persistedFile(join(dataDir, name), make);
}

/** The file's content, or `make()`'s written there first (by whichever process gets there first). */
function persistedFile(file: string, make: () => string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = make();
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
