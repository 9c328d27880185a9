import type { Repositories } from '../repositories/index.js';

export class HealthService {
  constructor(private readonly repos: Repositories) {}

  async databaseReachable(): Promise<boolean> {
    try {
      await this.repos.health.ping();
      return true;
    } catch {
      return false;
    }
  }
}
