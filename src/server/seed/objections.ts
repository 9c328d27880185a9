import { Readable } from 'node:stream';
import type { Repositories } from '../repositories/index.js';
import type { Services } from '../services/index.js';
import { PRACTICE_CALL_ID } from './calls.js';
import { pdfChunks } from './pdf.js';

// 公示异议 in the demo (issue 14 §7): once the practice call has a published 公示 in its period, a member of the
// public has objected to its first project online, with an evidence PDF, so that the province can register,
// investigate and close it (and revoke). The demo leaves its 公示 for the province to publish (province-stage.ts:
// its decision stays unlocked), so until a seed step publishes one, there is nothing to object to.

export async function seedObjections(repos: Repositories, services: Services): Promise<void> {
  const published = (await repos.decisions.announcements(PRACTICE_CALL_ID)).filter((a) => a.publishedAt);
  const open = await Promise.all(published.map((a) => services.announcements.publishedOne(a.id)));
  const announcement = open.find((a) => a.objectionsOpen)?.row;
  const entry = announcement?.entries?.[0];
  if (!announcement || !entry) return;
  const staged = await services.documents.stage(
    Readable.from(pdfChunks({ seed: 'shenbao demo objection evidence' })),
  );
  await services.objections.file(
    announcement.id,
    {
      name: '周立新',
      mobile: '13951234567',
      email: 'objector@example.cn',
      organization: '南京某传感器研究所',
      acceptanceNo: entry.acceptanceNo,
      grounds:
        '该项目申报书所列德方合作单位的 MEMS 封装中试线，据公开资料已于 2025 年停用，合作基础与申报材料所述不符，请核查。',
    },
    { ...staged, fileName: '合作方中试线停用公告.pdf' },
    'demo',
  );
}
