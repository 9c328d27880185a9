import { z } from 'zod';
import { normalizeCreditCode, validateCreditCode } from '../core/credit-code.js';
import { ERRORS, type ErrorCode } from './errors.js';

// Field schemas several areas share.

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(fieldErrorSchema).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Response schemas for the error statuses a route can answer with, for its OpenAPI description. */
export function errorResponses(...codes: ErrorCode[]): Record<number, typeof errorBodySchema> {
  return Object.fromEntries(codes.map((code) => [ERRORS[code].status, errorBodySchema]));
}

export const noContentSchema = z.null();

export const idParamsSchema = z.object({ id: z.uuid().meta({ title: '编号' }) });

/** Trimmed, full-width folded to half-width, upper case; then checked by GB 32100-2015. */
export const creditCodeSchema = z
  .string()
  .overwrite(normalizeCreditCode)
  .superRefine((code, ctx) => {
    const verdict = validateCreditCode(code);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.reason });
  })
  .meta({ title: '统一社会信用代码' });

export const newLoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{2,63}$/, '登录名应为 3–64 位字母、数字或 . _ @ -，并以字母或数字开头')
  .meta({ title: '登录名' });

/** Where notifications and links go; stored trimmed and in lower case, as users' `email` column says. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(z.regexes.email, '应为有效的电子邮箱地址，例如 name@example.com')
  .meta({ title: '电子邮箱' });

/** A mainland mobile number, stored as its 11 digits: spaces, hyphens and a +86 prefix are dropped. */
export const mobileSchema = z
  .string()
  .overwrite((value) => value.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''))
  .regex(/^1[3-9]\d{9}$/, '应为 11 位手机号码，例如 13812345678')
  .meta({ title: '手机号码' });

export const personNameSchema = z.string().trim().min(1).max(50).meta({ title: '姓名' });

export const SEARCH_TERM_MAX = 100;

/** A list's text search (`q`): a title, acceptance number or name, matched anywhere, case-insensitively. */
export const searchTermSchema = z
  .string()
  .trim()
  .max(SEARCH_TERM_MAX, `搜索词不能超过 ${SEARCH_TERM_MAX} 个字符`)
  .optional()
  .meta({ title: '搜索' });
