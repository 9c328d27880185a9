import type { HealthResponse } from '../../contract/health.js';

export function presentHealth(databaseReachable: boolean): HealthResponse {
  return databaseReachable
    ? { status: 'ok', database: 'ok' }
    : { status: 'unavailable', database: 'unreachable' };
}
