import type { z } from 'zod';
import type { checkpointsResponseSchema } from '../../contract/audit-checkpoints.js';
import type { Checkpoint } from '../audit/checkpoints.js';

export function presentCheckpoints(published: {
  publicKeyPem: string;
  checkpoints: Checkpoint[];
}): z.infer<typeof checkpointsResponseSchema> {
  return { publicKey: published.publicKeyPem, checkpoints: published.checkpoints };
}
