import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../../../core/calls/js-intl-2026.js';
import type { MyEntitlementsDto } from '../../../contract/entitlements.js';
import type { CallDto } from '../../shared/api.js';
import { contactsOf, directionOptions, withheldStreams } from './directed-streams.js';

// What the new-application dialog and the editor offer: directed-only streams only to invited organizations.

const stream = (
  direction: CallDto['topics'][number]['streams'][number]['direction'],
  directedOnly: boolean,
  open = true,
) => ({
  direction,
  label: `方向 ${direction}`,
  open,
  directedOnly,
  fundingCap: 0,
  fundingShare: null,
  keyFields: [],
  partnerRequired: false,
  countries: null,
  partnerKinds: null,
});

const call: CallDto = {
  id: 'C',
  name: '计划',
  noticeNumber: '',
  isPractice: true,
  open: true,
  submissionClosesAt: '2026-05-18T17:30:00+08:00',
  recommendationClosesAt: '2026-05-20T17:30:00+08:00',
  paperClosesAt: '2026-05-22T17:30:00+08:00',
  contacts: [{ unit: '对外合作处', people: ['甲', '乙'], phones: ['025-1', '025-2'] }],
  content: {
    ...JS_INTL_2026.content.value,
    clause: JS_INTL_2026.content.clause,
    quote: JS_INTL_2026.content.quote,
  },
  topics: [
    {
      number: 1,
      name: '专题一',
      clause: '',
      open: true,
      streams: [
        stream('big-science', true),
        stream('platform-inbound', false),
        stream('platform-outbound', true),
      ],
    },
    { number: 2, name: '专题二', clause: '', open: true, streams: [stream(null, false)] },
  ],
};

const mine = (invitations: MyEntitlementsDto['invitations']): MyEntitlementsDto => ({
  organization: { id: 'o', name: '单位', creditCode: '', kind: 'enterprise', departmentName: null },
  platforms: [],
  invitations,
});

describe('定向组织方向的选项', () => {
  it('未受邀：只列自由申报的方向，并说明哪些方向不列出', () => {
    expect(directionOptions(call, mine([])).map((o) => o.value)).toEqual(['platform-inbound']);
    expect(withheldStreams(call, mine([]), 1)).toEqual(['方向 big-science', '方向 platform-outbound']);
    expect(withheldStreams(call, mine([]), 2)).toEqual([]);
  });

  it('受邀的方向列出；别的计划的邀请不算；已在定向方向的申报书保留其方向', () => {
    const invited = mine([
      { callId: 'C', topic: 1, direction: 'big-science' },
      { callId: 'OTHER', topic: 1, direction: 'platform-outbound' },
    ]);
    expect(directionOptions(call, invited).map((o) => o.value)).toEqual(['big-science', 'platform-inbound']);
    expect(withheldStreams(call, invited, 1)).toEqual(['方向 platform-outbound']);
    expect(directionOptions(call, mine([]), 'platform-outbound').map((o) => o.value)).toEqual([
      'platform-inbound',
      'platform-outbound',
    ]);
  });

  it('计划未开放的方向不列出，也不算作“未受邀”', () => {
    const closed: CallDto = {
      ...call,
      topics: [
        {
          ...call.topics[0]!,
          streams: [stream('big-science', false, false), stream('platform-inbound', false)],
        },
      ],
    };
    expect(directionOptions(closed, mine([])).map((o) => o.value)).toEqual(['platform-inbound']);
    expect(withheldStreams(closed, mine([]), 1)).toEqual([]);
  });

  it('联系人取自计划参数', () => {
    expect(contactsOf(call)).toBe('对外合作处 甲 乙（025-1、025-2）');
  });
});
