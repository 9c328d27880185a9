import type { DashboardDto } from '../../../../contract/dashboard.js';
import { api } from '../../../shared/api.js';

export type { DashboardDto };

export const fetchDashboard = (callId: string, days: number) =>
  api<DashboardDto>(`/province/dashboard?call=${encodeURIComponent(callId)}&days=${days}`);
