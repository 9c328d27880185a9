import type { ApplicationForm } from '../../core/application/form.js';
import { EXPENDITURE_KEYS } from '../../core/application/content.js';
import { beijingDate } from '../../core/time.js';
import { principalOf, type PrincipalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { Services } from '../services/index.js';
import { PRACTICE_CALL_ID } from './calls.js';

// The contract stage in the demo (issue 14 §9): 无锡澄江生物医药's application (受理 in province-stage.ts) was approved
// at 60 万元 of the 70 万元 it asked, listed in a 公示 whose period is over, and moved into the contract stage; the
// centre cut the 任务书's 省拨款 to the approved funding, the unit confirmed it, and its bound copy was received.
// It is ready to be signed. Its 公示 is written as of days before the seed ran (a 公示 cannot be published in
// the past through the service); everything after goes through the services the API uses.

const DAY = 24 * 60 * 60 * 1000;
const PHARMA_ADMIN = 'demo-wx-yiyao';
const FUNDING = 600_000;

export async function seedContractStage(repos: Repositories, services: Services): Promise<void> {
  const province = principalOf((await repos.users.findByLogin('demo-province'))!) as PrincipalOf<'province'>;
  const admin = principalOf((await repos.users.findByLogin(PHARMA_ADMIN))!) as PrincipalOf<'unit-admin'>;
  const [application] = (await repos.applications.listByOrganization(admin.organizationId)).filter(
    (a) => a.callId === PRACTICE_CALL_ID && a.status === 'recommended',
  );
  const review = application && (await repos.decisions.formalReview(application.id));
  if (!application || review?.result !== 'accepted')
    throw new Error('demo contract: no accepted application');
  // The demo's clock has passed the 形式审查, whatever clock the seed runs under.
  const anchor = review.reviewedAt.getTime();
  const form = application.form as ApplicationForm;

  const announcement = await repos.decisions.insertAnnouncement({
    callId: PRACTICE_CALL_ID,
    title: '2026年度省国际科技合作/港澳台科技合作计划拟立项项目公示（第一批）',
    startsOn: beijingDate(anchor - 12 * DAY),
    endsOn: beijingDate(anchor - 5 * DAY),
    createdAt: new Date(anchor - 13 * DAY),
    createdBy: province.userId,
    publishedAt: new Date(anchor - 12 * DAY),
    publishedBy: province.userId,
    entries: [
      {
        acceptanceNo: application.acceptanceNo ?? '',
        title: form.title ?? '',
        organizationName: '无锡澄江生物医药有限公司',
        piName: '顾静',
        topic: application.topic,
        partnerCountry: form.partner?.country ?? null,
        funding: FUNDING,
      },
    ],
  });
  await repos.decisions.saveDecision({
    applicationId: application.id,
    callId: PRACTICE_CALL_ID,
    outcome: 'approved',
    funding: FUNDING,
    reason: '专家评审意见较好，同意立项；按评审意见调减经费，资助 60 万元。',
    decidedAt: new Date(anchor - 13 * DAY),
    decidedBy: province.userId,
    announcementId: announcement.id,
  });

  await services.decisions.enterContractStage(province, application.id);
  const opened = await services.contracts.get(province, application.id);
  const basics = opened.project.contract!.basics;
  const cut = basics.budget.sources.provincial - FUNDING;
  const largest = EXPENDITURE_KEYS.reduce((a, k) =>
    basics.budget.expenditures[k] > basics.budget.expenditures[a] ? k : a,
  );
  await services.contracts.adjust(province, application.id, {
    version: 1,
    basics: {
      ...basics,
      budget: {
        sources: { ...basics.budget.sources, provincial: FUNDING },
        expenditures: { ...basics.budget.expenditures, [largest]: basics.budget.expenditures[largest] - cut },
      },
    },
  });
  await services.contracts.confirm(admin, application.id, { version: 2 });
  await services.paper.record(province, {
    callId: PRACTICE_CALL_ID,
    kind: 'funded-copy',
    applicationId: application.id,
    copies: 1,
    receivedAt: new Date(anchor).toISOString(),
    receiver: '李彬',
    note: '纸质申报书装订本一份（三、2）',
  });
}
