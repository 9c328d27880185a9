import type { DashboardDto } from '../../../server/routes/dashboard/schema.js';
import { api } from '../../api.js';

export type { DashboardDto };

export const fetchDashboard = (callId: string, days: number) =>
  api<DashboardDto>(`/province/dashboard?call=${encodeURIComponent(callId)}&days=${days}`);
