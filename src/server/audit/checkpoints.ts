import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReceiptSigner } from '../security/receipt-signing.js';
import { verifyReceipt } from '../security/receipt-signing.js';
import type { AuditEntry } from './chain.js';

// The hash chain proves that no entry was changed in place, but whoever holds the database can rewrite an entry
// and recompute every later hash, or cut the newest entries off. Signed checkpoints kept outside the database
// (and published on the public site) anchor what the chain was: a rewritten or truncated chain no longer
// contains them. The signing key lives outside DATA_DIR and the database, so the database alone cannot re-sign.

/** What a checkpoint asserts: entries `fromSeq`..`seq` had exactly these hashes at `at`. */
export interface CheckpointClaim {
  seq: number;
  fromSeq: number;
  headHash: string;
  /** The hash of every entry from `fromSeq` to `seq`, so a mismatch names the first entry that differs. */
  hashes: string[];
  at: string;
}

export interface Checkpoint extends CheckpointClaim {
  /** Ed25519 over the claim's canonical JSON (base64). */
  signature: string;
}

export function signCheckpoint(claim: CheckpointClaim, signer: ReceiptSigner): Checkpoint {
  return { ...claim, signature: signer.sign(claim) };
}

function claimOf({ signature: _signature, ...claim }: Checkpoint): CheckpointClaim {
  return claim;
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKeyPem: string): boolean {
  return verifyReceipt(claimOf(checkpoint), checkpoint.signature, publicKeyPem);
}

/**
 * Where checkpoints are kept: a folder of the file store outside the database, one file per checkpoint named
 * by its last sequence number. Written once, never changed.
 */
export class CheckpointStore {
  constructor(readonly dir: string) {}

  private fileOf(seq: number): string {
    return join(this.dir, `${String(seq).padStart(12, '0')}.json`);
  }

  /** Writes the checkpoint unless one for the same `seq` exists (another instance anchored it first). */
  async write(checkpoint: Checkpoint): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    try {
      await writeFile(this.fileOf(checkpoint.seq), `${JSON.stringify(checkpoint)}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  /** Every checkpoint, in sequence order. */
  async list(): Promise<Checkpoint[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => /^\d{12}\.json$/.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(this.dir, n), 'utf8')) as Checkpoint),
    );
  }

  async latest(): Promise<Checkpoint | undefined> {
    return (await this.list()).at(-1);
  }
}

export type AnchorVerdict =
  | { anchored: true; checkpoints: number; anchoredSeq: number }
  | { anchored: false; firstBadSeq: number; reason: string };

/**
 * Holds the chain (in seq order) against the checkpoints: every anchored entry must still be there with the
 * hash the checkpoint recorded. Names the first entry that is missing or differs.
 */
export async function verifyAgainstCheckpoints(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  checkpoints: readonly Checkpoint[],
  publicKeyPem: string,
): Promise<AnchorVerdict> {
  const anchored = new Map<number, string>();
  for (const checkpoint of checkpoints) {
    if (!checkpointSignatureValid(checkpoint, publicKeyPem)) {
      return {
        anchored: false,
        firstBadSeq: checkpoint.fromSeq,
        reason: `第 ${checkpoint.seq} 条处的检查点签名无效（检查点被改动，或不是本系统的签名密钥所签）`,
      };
    }
    checkpoint.hashes.forEach((hash, i) => anchored.set(checkpoint.fromSeq + i, hash));
  }
  const anchoredSeq = Math.max(0, ...anchored.keys());
  let seen = 0;
  for await (const entry of entries) {
    const expected = anchored.get(entry.seq);
    if (expected !== undefined && expected !== entry.hash) {
      return {
        anchored: false,
        firstBadSeq: entry.seq,
        reason: `第 ${entry.seq} 条记录与签名检查点不一致（日志被改写后重算了哈希）`,
      };
    }
    seen = entry.seq;
  }
  if (seen < anchoredSeq) {
    return {
      anchored: false,
      firstBadSeq: seen + 1,
      reason: `审计日志被截断：签名检查点记录到第 ${anchoredSeq} 条，数据库中只到第 ${seen} 条`,
    };
  }
  return { anchored: true, checkpoints: checkpoints.length, anchoredSeq };
}
