import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { DepartmentView } from '../../../src/contract/departments.js';

/** The 主管部门名录 as anyone reads it at sign-up (`GET /api/departments`). */
export async function listDepartments(app: FastifyInstance): Promise<DepartmentView[]> {
  const response = await app.inject({ method: 'GET', url: '/api/departments' });
  expect(response.statusCode).toBe(200);
  return response.json().departments;
}

/** A department's contact as the editing forms send it; empty fields by default. */
export const contact = (name = '', phone = '', email = '') => ({ name, phone, email });
