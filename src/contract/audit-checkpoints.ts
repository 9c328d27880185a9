import { z } from 'zod';

// 审计日志签名检查点: published so that anyone can keep copies and later check that the log still contains them.

export const checkpointsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0).meta({ title: '起始序号' }),
});

export const checkpointSchema = z.object({
  seq: z.number().int(),
  fromSeq: z.number().int(),
  headHash: z.string(),
  hashes: z.array(z.string()),
  at: z.iso.datetime({ offset: true }),
  signature: z.string(),
});

export const checkpointsResponseSchema = z.object({
  /** Ed25519 public key (PEM, SPKI) that verifies every signature. */
  publicKey: z.string(),
  checkpoints: z.array(checkpointSchema),
});
