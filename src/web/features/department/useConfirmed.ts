import { useQuery } from '@tanstack/react-query';
import { type OwnConfirmation, reviewQueries } from './api.js';

const isConfirmed = (r: OwnConfirmation) => r.confirmation !== null;

/** Whether the department confirmed its list for the call; `undefined` while unknown. */
export function useConfirmed(callId: string): boolean | undefined {
  return useQuery({ ...reviewQueries.confirmation(callId), select: isConfirmed }).data;
}
