import type { AuthGuard } from '../http/auth.js';
import type { Services } from '../services/index.js';

/** What every route plugin is registered with. */
export interface RouteDeps {
  services: Services;
  guard: AuthGuard;
}
