import type { RegisterOrganizationBody } from '../../../src/contract/auth.js';
import type { CreatePersonBody } from '../../../src/contract/people.js';
import { creditCode as creditCodeNumbered } from './credit-code.js';
import { uniqueNumber as next } from './random.js';

// Valid objects for the tests, each unique where the database wants it, with overrides.

export const VALID_PASSWORD = 'Kaifa2026go';

export function uniqueLogin(prefix = 'user'): string {
  return `${prefix}-${next()}`;
}

/** A valid 统一社会信用代码 of a Nanjing enterprise that no other in this test file has. */
export function creditCode(): string {
  return creditCodeNumbered(next());
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
      address: `南京市玄武区测试路${n}号`,
      contactName: `联系人${n}`,
      contactMobile: `139${String(n).padStart(8, '0').slice(-8)}`,
      contactEmail: `contact${n}@example.com`,
      ...organization,
    },
    admin: {
      login: uniqueLogin('admin'),
      password: VALID_PASSWORD,
      displayName: `管理员${n}`,
      mobile: mobileNumber(n),
      email: `admin${n}@example.com`,
      ...admin,
    },
  };
}

/** A valid mainland mobile number, distinct for each `n`. */
export function mobileNumber(n = next()): string {
  return `139${String(n).padStart(8, '0').slice(-8)}`;
}

/** A PI's login as a person's entry opens it, with the holder's contacts. */
export function accountBody(
  overrides: Partial<NonNullable<CreatePersonBody['account']>> = {},
): NonNullable<CreatePersonBody['account']> {
  const n = next();
  return {
    login: uniqueLogin('pi'),
    password: VALID_PASSWORD,
    mobile: mobileNumber(n),
    email: `pi${n}@example.com`,
    ...overrides,
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

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit resident ID number (GB 11643 check character) that no other in this test file has. */
export function residentIdNumber(): string {
  const first17 = `320102${String(next()).padStart(11, '0')}`;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** A new official's account as its creator fills it in, without a password unless given. */
export function officialBody<T extends object>(extra: T) {
  const login = uniqueLogin('staff');
  return {
    login,
    displayName: '测试工作人员',
    mobile: '13812345678',
    email: `${login}@example.gov.cn`,
    ...extra,
  };
}
