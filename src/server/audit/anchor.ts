import type { Clock } from '../clock.js';
import type { AuditAnchorConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { AuditRepository } from '../repositories/audit.js';
import { ReceiptSigner } from '../security/receipt-signing.js';
import { type Checkpoint, CheckpointStore, signCheckpoint } from './checkpoints.js';

/**
 * Anchors the audit chain: after entries are appended, a signed checkpoint of their hashes goes to the
 * checkpoint store. Each instance looks every `intervalMs` (so a transaction's entries are anchored within
 * that), and once more when it shuts down. Instances anchoring the same entries write identical claims.
 */
export class AuditAnchor {
  private anchoredSeq: number | undefined;
  private running: Promise<Checkpoint | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly signer: ReceiptSigner;

  constructor(
    private readonly audit: AuditRepository,
    readonly store: CheckpointStore,
    signingKeyPem: string,
    private readonly clock: Clock,
  ) {
    this.signer = ReceiptSigner.fromPem(signingKeyPem);
  }

  get publicKeyPem(): string {
    return this.signer.publicKeyPem;
  }

  /** Writes a checkpoint of the entries appended since the last one; none when there are none. */
  anchor(): Promise<Checkpoint | undefined> {
    this.running ??= this.anchorOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async anchorOnce(): Promise<Checkpoint | undefined> {
    this.anchoredSeq ??= (await this.store.latest())?.seq ?? 0;
    if ((await this.audit.headSeq()) <= this.anchoredSeq) return undefined;
    const entries: { seq: number; hash: string }[] = [];
    for await (const entry of this.audit.all(1000, this.anchoredSeq)) entries.push(entry);
    const last = entries.at(-1)!;
    const checkpoint = signCheckpoint(
      {
        seq: last.seq,
        fromSeq: entries[0]!.seq,
        headHash: last.hash,
        hashes: entries.map((e) => e.hash),
        at: this.clock.now().toISOString(),
      },
      this.signer,
    );
    await this.store.write(checkpoint);
    this.anchoredSeq = last.seq;
    return checkpoint;
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => this.anchor().catch(onError), intervalMs);
    this.timer.unref();
  }

  /** Stops looking and anchors what is left. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.anchor();
  }
}

export function auditAnchor(db: Database, config: AuditAnchorConfig, clock: Clock): AuditAnchor {
  return new AuditAnchor(
    new AuditRepository(db),
    new CheckpointStore(config.checkpointDir),
    config.signingKeyPem,
    clock,
  );
}
