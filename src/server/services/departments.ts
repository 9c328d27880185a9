import type { Department } from '../repositories/departments.js';
import type { Repositories } from '../repositories/index.js';

export class DepartmentService {
  constructor(private readonly repos: Repositories) {}

  list(): Promise<Department[]> {
    return this.repos.departments.list();
  }
}
