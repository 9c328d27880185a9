import { toBeijingIso } from '../../core/time.js';
import type { FingerprintView, FinalizationView, SnapshotView } from '../../contract/finalization.js';
import type { FingerprintFacts } from '../repositories/snapshots.js';
import type { Finalization, Snapshot } from '../services/finalization.js';

export function presentSnapshot(snapshot: Snapshot): SnapshotView {
  return { id: snapshot.id, sha256: snapshot.sha256, createdAt: toBeijingIso(snapshot.createdAt.getTime()) };
}

export function presentFinalization(finalization: Finalization): FinalizationView {
  return {
    current: finalization.current && presentSnapshot(finalization.current),
    snapshots: finalization.snapshots.map(presentSnapshot),
    scanNotices: finalization.scanNotices,
  };
}

export function presentFingerprint(facts: FingerprintFacts): FingerprintView {
  return {
    generatedAt: toBeijingIso(facts.createdAt.getTime()),
    callName: facts.callName,
    acceptanceNo: facts.acceptanceNo,
    current: facts.current,
  };
}
