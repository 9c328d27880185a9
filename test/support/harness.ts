import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { SettableClock } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import {
  type Database,
  type DatabaseHandle,
  openPglite,
  openPostgres,
} from '../../src/server/db/database.js';
import { repositories } from '../../src/server/repositories/index.js';
import type { NewUser, User } from '../../src/server/repositories/users.js';
import { hashPassword } from '../../src/server/security/passwords.js';
import { seedCalls } from '../../src/server/seed/calls.js';
import { seedDepartments } from '../../src/server/seed/departments.js';
import { approveWithoutReview } from '../../src/server/services/organization-verification.js';
import type { UserRole } from '../../src/contract/vocabulary.js';
import { registrationBody, uniqueLogin, VALID_PASSWORD } from './factories/server.js';
import { temporaryDatabase } from './temporary-database.js';

// One fresh database per test file: PGlite in memory, or, when DATABASE_URL names a PostgreSQL server
// (as in CI), a uniquely named database on it that is dropped afterwards.

// Starting PGlite and migrating takes seconds when every test file does it at once.
const SETUP_TIMEOUT_MS = 60_000;

const TEST_START = '2026-11-23T09:00:00+08:00';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  clock: SettableClock;
  /** Another app on the same database, e.g. with other settings. Closed with the harness. */
  buildApp(env?: Record<string, string>): Promise<FastifyInstance>;
}

async function createPostgresDatabase(
  adminUrl: string,
): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const database = await temporaryDatabase(adminUrl, 'shenbao_test');
  return { handle: openPostgres(database.url), drop: database.drop };
}

const MIGRATIONS = fileURLToPath(new URL('../../src/server/db/migrations', import.meta.url));

/**
 * A freshly migrated PGlite data directory, made once and kept in the temp directory under a hash of the
 * migrations: starting PGlite from it takes a second, where initialising a new one takes several.
 */
async function migratedPgliteImage(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS, { recursive: true }).map(String).sort()) {
    if (name.endsWith('.sql') || name.endsWith('.json'))
      hash.update(name).update(readFileSync(join(MIGRATIONS, name)));
  }
  const file = join(tmpdir(), `shenbao-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    const handle = openPglite();
    await handle.migrate();
    const image = await handle.client.dumpDataDir('none');
    await handle.close();
    // Written aside and renamed, so a test file running alongside never reads half an image.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, file);
    return image;
  }
}

/**
 * Builds the app on a fresh, migrated and seeded database before the file's tests, and removes it after. `env`
 * may be a function, read when the app is built: what it names (an S3 server's port) may start only then.
 */
export function useTestApp(env: Record<string, string> | (() => Record<string, string>) = {}): TestApp {
  const defaults = {
    DATA_DIR: tmpdir(),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    // Test files register many organizations from one address; rate-limit tests set their own limit.
    REGISTRATIONS_PER_IP_PER_HOUR: '100000',
  };
  let baseEnv: Record<string, string> = defaults;
  const context = {} as TestApp;
  const apps: FastifyInstance[] = [];
  let handle: DatabaseHandle | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    baseEnv = { ...defaults, ...(typeof env === 'function' ? env() : env) };
    const adminUrl = process.env.DATABASE_URL;
    if (adminUrl) ({ handle, drop } = await createPostgresDatabase(adminUrl));
    else handle = openPglite({ loadDataDir: await migratedPgliteImage() });
    // Applies nothing on a migrated image, but proves the migrator agrees that it is up to date.
    await handle.migrate();
    await seedDepartments(handle.db);
    const db = handle.db;
    const clock = new SettableClock(TEST_START);
    await seedCalls(db, clock.now());
    const build = async (overrides: Record<string, string> = {}) => {
      const app = await buildApp({ config: loadConfig({ ...baseEnv, ...overrides }), db, clock });
      apps.push(app);
      return app;
    };
    Object.assign(context, { db, clock, buildApp: build });
    context.app = await build();
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await handle?.close();
    await drop?.();
  }, SETUP_TIMEOUT_MS);

  return context;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'shenbao_session');
  if (!cookie) throw new Error(`no session cookie in the response (${response.statusCode} ${response.body})`);
  return `shenbao_session=${cookie.value}`;
}

export async function login(
  app: FastifyInstance,
  loginName: string,
  password = VALID_PASSWORD,
): Promise<string> {
  return sessionCookie(
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } }),
  );
}

/**
 * Signs in an account someone else created, as its holder does the first time: with the initial password, then
 * choosing their own, which the server requires before anything else. The session stays signed in.
 */
export async function signInAsNewHolder(
  app: FastifyInstance,
  loginName: string,
  initialPassword = VALID_PASSWORD,
): Promise<{ cookie: string; password: string }> {
  const cookie = await login(app, loginName, initialPassword);
  const password = `${initialPassword}-本人改过`;
  const changed = await inject(app, {
    method: 'POST',
    url: '/api/me/password',
    cookie,
    payload: { currentPassword: initialPassword, newPassword: password },
  });
  if (changed.statusCode !== 204) throw new Error(`password change failed: ${changed.body}`);
  return { cookie, password };
}

export interface UnitAdmin {
  cookie: string;
  login: string;
  organizationId: string;
  userId: string;
}

/**
 * Registers an organization through the API and signs its unit administrator in; approved, as its department
 * would, unless `pending`.
 */
export async function registerUnitAdmin(t: TestApp, { pending = false } = {}): Promise<UnitAdmin> {
  const [department] = await repositories(t.db).departments.list();
  const body = registrationBody({ departmentId: department!.id });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register-organization',
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
  const { organization, user } = response.json();
  if (!pending) await approveWithoutReview(repositories(t.db), organization.id, t.clock.now());
  return {
    cookie: await login(t.app, body.admin.login),
    login: body.admin.login,
    organizationId: organization.id,
    userId: user.id,
  };
}

// One hash serves every user written straight to the database: hashing costs as much as a login.
let passwordHash: Promise<string> | undefined;

/**
 * A user of any role, written straight to the database. A province or department account is its office's
 * 管理员 (every duty) unless `duties` says otherwise.
 */
export async function insertUser(
  t: TestApp,
  role: UserRole,
  scope: Pick<NewUser, 'organizationId' | 'personId' | 'departmentId' | 'duties'> = {},
): Promise<{ user: User; cookie: string }> {
  const repos = repositories(t.db);
  const needsDepartment = role === 'department' && !scope.departmentId;
  const departmentId = needsDepartment ? (await repos.departments.list())[0]!.id : scope.departmentId;
  const official = role === 'province' || role === 'department';
  const user = await repos.users.insert({
    login: uniqueLogin(role),
    passwordHash: await (passwordHash ??= hashPassword(VALID_PASSWORD)),
    displayName: `测试${role}`,
    role,
    ...scope,
    departmentId,
    duties: scope.duties ?? (official ? ['admin'] : []),
  });
  return { user, cookie: await login(t.app, user.login) };
}

export function inject(app: FastifyInstance, options: InjectOptions & { cookie?: string }) {
  const { cookie, ...rest } = options;
  return app.inject({ ...rest, headers: { ...rest.headers, ...(cookie ? { cookie } : {}) } });
}
