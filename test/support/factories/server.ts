import { creditCodeCheckCharacter, validateCreditCode } from '../../../src/core/credit-code.js';
import type { RegisterOrganizationBody } from '../../../src/contract/auth.js';
import type { CreatePersonBody } from '../../../src/contract/people.js';

// Valid objects for the tests, each unique where the database wants it, with overrides.

let sequence = Math.floor(Math.random() * 1_000_000);
const next = () => ++sequence;

export const VALID_PASSWORD = 'Kaifa2026';

export function uniqueLogin(prefix = 'user'): string {
  return `${prefix}-${next()}`;
}

/** A 统一社会信用代码 of a Nanjing enterprise that passes both checks; core's validator picks the GB 11714 digit. */
export function creditCode(): string {
  const body = `91320100${String(next()).padStart(8, '0')}`;
  for (const organizationCheck of '0123456789X') {
    const first17 = body + organizationCheck;
    const code = first17 + creditCodeCheckCharacter(first17);
    if (validateCreditCode(code).ok) return code;
  }
  throw new Error(`no valid credit code for ${body}`);
}

type OrganizationInput = RegisterOrganizationBody['organization'];

export function registrationBody(
  organization: Partial<OrganizationInput> & Pick<OrganizationInput, 'departmentId'>,
  admin: Partial<RegisterOrganizationBody['admin']> = {},
): RegisterOrganizationBody {
  const n = next();
  return {
    organization: {
      name: `南京测试科技有限公司${n}`,
      creditCode: creditCode(),
      kind: 'enterprise',
      registeredOn: '2015-06-01',
      inJiangsu: true,
      independentLegalEntity: true,
      ministryOrProvincialUniversity: false,
      ...organization,
    },
    admin: { login: uniqueLogin('admin'), password: VALID_PASSWORD, displayName: `管理员${n}`, ...admin },
  };
}

export function personBody(overrides: Partial<CreatePersonBody> = {}): CreatePersonBody {
  const n = next();
  return {
    name: `负责人${n}`,
    idNumber: `3201021980${String(n).padStart(8, '0').slice(-8)}`,
    ongoingProvincialProjects: 0,
    ...overrides,
  };
}
