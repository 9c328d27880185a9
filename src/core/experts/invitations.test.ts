import { describe, expect, it } from 'vitest';
import {
  answerable,
  conflictAnswerProblems,
  expiredAt,
  invitationDeadline,
  pickReplacement,
  type ReplacementCandidate,
  reminderDue,
} from './invitations.js';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('invitationDeadline', () => {
  const base = {
    now: at('2026-06-01T00:00:00Z'),
    roundRespondBy: at('2026-06-05T00:00:00Z'),
    roundDueAt: at('2026-06-20T00:00:00Z'),
    invitationDays: 3,
  };
  it('takes the date given, else the round’s while ahead', () => {
    expect(invitationDeadline({ ...base, given: at('2026-06-03T00:00:00Z') })).toEqual(
      at('2026-06-03T00:00:00Z'),
    );
    expect(invitationDeadline(base)).toEqual(base.roundRespondBy);
  });
  it('counts invitationDays from now once the round’s has passed, never past the due date', () => {
    const now = at('2026-06-10T00:00:00Z');
    expect(invitationDeadline({ ...base, now })).toEqual(at('2026-06-13T00:00:00Z'));
    expect(invitationDeadline({ ...base, now: at('2026-06-19T00:00:00Z') })).toEqual(base.roundDueAt);
  });
});

describe('answering, reminding and expiring', () => {
  const respondBy = at('2026-06-05T00:00:00Z');
  it('answers only a pending invitation before its deadline', () => {
    expect(answerable('pending', respondBy, new Date(respondBy.getTime() - 1))).toBe(true);
    expect(answerable('pending', respondBy, respondBy)).toBe(false);
    expect(answerable('accepted', respondBy, at('2026-06-01T00:00:00Z'))).toBe(false);
  });
  it('reminds once within the lead, and expires at the deadline', () => {
    const pending = { status: 'pending' as const, respondBy, remindedAt: null };
    expect(reminderDue(pending, new Date(respondBy.getTime() - 25 * HOUR), 24)).toBe(false);
    expect(reminderDue(pending, new Date(respondBy.getTime() - 23 * HOUR), 24)).toBe(true);
    expect(reminderDue({ ...pending, remindedAt: respondBy }, new Date(respondBy.getTime() - HOUR), 24)).toBe(
      false,
    );
    expect(reminderDue(pending, respondBy, 24)).toBe(false);
    expect(expiredAt(pending, new Date(respondBy.getTime() - 1))).toBe(false);
    expect(expiredAt(pending, respondBy)).toBe(true);
    expect(expiredAt({ ...pending, status: 'declined' }, respondBy)).toBe(false);
  });
});

describe('conflictAnswerProblems', () => {
  const assigned = [
    { applicationId: 'a', title: '甲' },
    { applicationId: 'b', title: '乙' },
  ];
  it('wants an answer for each assigned application and a reason for each yes', () => {
    expect(
      conflictAnswerProblems(assigned, [
        { applicationId: 'a', conflict: false },
        { applicationId: 'b', conflict: true, reason: '同一单位' },
      ]),
    ).toEqual([]);
    const problems = conflictAnswerProblems(assigned, [
      { applicationId: 'a', conflict: true, reason: ' ' },
      { applicationId: 'x', conflict: false },
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'conflicts.1.applicationId',
      'conflicts.0.reason',
      'conflicts',
    ]);
    expect(problems[2]!.message).toContain('乙');
  });
});

describe('pickReplacement', () => {
  const c = (id: string, over: Partial<ReplacementCandidate> = {}): ReplacementCandidate => ({
    id,
    fields: ['新能源'],
    active: true,
    load: 0,
    conflicted: false,
    declined: false,
    assigned: false,
    ...over,
  });
  it('skips the inactive, the conflicted, those who declined and those already assigned', () => {
    const pool = [
      c('a', { active: false }),
      c('b', { conflicted: true }),
      c('c', { declined: true }),
      c('d', { assigned: true }),
      c('e', { load: 5 }),
    ];
    expect(pickReplacement(pool, '新能源')?.id).toBe('e');
    expect(pickReplacement(pool.slice(0, 4), '新能源')).toBeUndefined();
  });
  it('prefers the field, then the lowest load', () => {
    const pool = [c('a', { fields: ['医学'], load: 0 }), c('b', { load: 3 }), c('c', { load: 1 })];
    expect(pickReplacement(pool, '新能源')?.id).toBe('c');
    expect(
      pickReplacement(
        [c('a', { fields: ['医学'], load: 2 }), c('b', { fields: ['化学'], load: 1 })],
        '新能源',
      )?.id,
    ).toBe('b');
  });
});
