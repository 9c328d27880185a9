import { describe, expect, it } from 'vitest';
import { applicationFormSchema } from '../../../../core/application/form.js';
import { payloadOf, type Draft } from './draft.js';

const draft = (form: Draft['form']): Draft => ({ topic: 4, direction: null, piId: 'p', form });

describe('自动保存只发送填写完整的部分', () => {
  it('成员、里程碑、仪器未填完整的一行留在本机，其余照常保存', () => {
    const member = {
      name: '王强',
      idType: 'resident-id' as const,
      idNumber: '320102198001010011',
      organization: '申报单位',
      role: '中试验证',
      monthsPerYear: 8,
    };
    const payload = payloadOf(
      draft({
        title: '项目',
        team: { members: [member, { name: '李' }] },
        milestones: [{ from: '2026-07' }],
        instruments: { items: [{ name: '谱仪' }], sharingCommitment: true },
      }),
    );
    expect(payload.body.form.team).toEqual({ members: [member] });
    expect(payload.body.form.milestones).toEqual([]);
    expect(payload.body.form.instruments).toEqual({ items: [], sharingCommitment: true });
    expect(payload.heldBackFields).toEqual(['team.members[1]', 'milestones[0]', 'instruments.items[0]']);
    expect(applicationFormSchema.safeParse(payload.body.form).success).toBe(true);
  });

  it('输入到一半的手机号码和邮箱不发送，负责人的其他信息照常保存', () => {
    const payload = payloadOf(draft({ team: { pi: { gender: 'male', mobile: '139', email: 'pi@' } } }));
    expect(payload.body.form.team).toEqual({ pi: { gender: 'male' } });
    expect(payload.heldBackFields).toEqual(['team.pi.mobile', 'team.pi.email']);
  });

  it('境外方负责人缺少必填项时整体留在本机', () => {
    const payload = payloadOf(draft({ team: { foreignPi: { name: 'Anna' } } }));
    expect(payload.body.form.team).toEqual({});
    expect(payload.heldBackFields).toEqual(['team.foreignPi']);
  });

  it('完整的表单原样发送，没有留在本机的部分', () => {
    const form = { title: '项目', keywords: ['储能', '国际合作', '联合研发'], declassified: true };
    const payload = payloadOf(draft(form));
    expect(payload.body.form).toEqual(form);
    expect(payload.heldBackFields).toEqual([]);
  });
});
