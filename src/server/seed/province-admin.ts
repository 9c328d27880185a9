import type { Clock } from '../clock.js';
import { ConfigError } from '../config.js';
import type { Database } from '../db/database.js';
import { validate } from '../http/validation.js';
import { repositories } from '../repositories/index.js';
import type { User } from '../repositories/users.js';
import { type BootstrapVia, StaffAccountService } from '../services/staff-accounts.js';
import { type FirstProvinceAdmin, firstProvinceAdminSchema } from '../../contract/accounts.js';

// The first province administrator without a seed: `shenbao admin create-province-admin`, or on a start with
// SHENBAO_ADMIN_* set. Either creates one only while no enabled province administrator exists.

export const PROVINCE_ADMIN_ENV: Readonly<Record<keyof FirstProvinceAdmin, string>> = {
  login: 'SHENBAO_ADMIN_LOGIN',
  displayName: 'SHENBAO_ADMIN_NAME',
  mobile: 'SHENBAO_ADMIN_MOBILE',
  email: 'SHENBAO_ADMIN_EMAIL',
  password: 'SHENBAO_ADMIN_PASSWORD',
};

/** The fields judged as the API judges them: each problem in Chinese, keyed by its field. */
export function checkFirstProvinceAdmin(
  input: Record<keyof FirstProvinceAdmin, string | undefined>,
): { admin: FirstProvinceAdmin } | { problems: { field: keyof FirstProvinceAdmin; message: string }[] } {
  const verdict = validate(firstProvinceAdminSchema, input);
  if ('value' in verdict) return { admin: verdict.value };
  return {
    problems: verdict.error.fields.map((f) => ({
      field: f.path as keyof FirstProvinceAdmin,
      message: f.message,
    })),
  };
}

/**
 * The administrator SHENBAO_ADMIN_* describe, or undefined when none of them is set; a ConfigError naming each
 * variable that is missing or invalid, so that the server refuses to start rather than start without one.
 */
export function provinceAdminFromEnv(env: NodeJS.ProcessEnv): FirstProvinceAdmin | undefined {
  const names = Object.entries(PROVINCE_ADMIN_ENV) as [keyof FirstProvinceAdmin, string][];
  const values = Object.fromEntries(names.map(([field, name]) => [field, env[name] || undefined]));
  if (Object.values(values).every((value) => value === undefined)) return undefined;
  const checked = checkFirstProvinceAdmin(values as Record<keyof FirstProvinceAdmin, string | undefined>);
  if ('admin' in checked) return checked.admin;
  throw new ConfigError(
    checked.problems
      .map(
        ({ field, message }) =>
          `环境变量 ${PROVINCE_ADMIN_ENV[field]} 无效：${message}\n` +
          `Invalid environment variable ${PROVINCE_ADMIN_ENV[field]} (the first province administrator)`,
      )
      .join('\n'),
  );
}

/**
 * Creates the first province administrator unless an enabled one exists. From the environment the password
 * must be changed at first login: it stays written in the deployment's configuration.
 */
export function seedProvinceAdmin(
  db: Database,
  clock: Clock,
  admin: FirstProvinceAdmin,
  via: BootstrapVia,
): Promise<{ created: boolean; user: User }> {
  return new StaffAccountService(db, repositories(db), clock).createFirstProvinceAdmin(
    admin,
    via,
    via === '环境变量',
  );
}
