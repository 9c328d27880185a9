import type { ApplicationContent, BudgetColumn, BudgetTable } from '../../core/application/content.js';

// A complete 申报书 for the demo and the tests: every part the form asks for, written around the application's
// own title, field and budget, so that a seeded or test application reads as a real one and breaks no rule.

const column = (total: number, provincial: number): BudgetColumn => {
  const equipment = Math.round((total * 0.3) / 100) * 100;
  const labour = Math.round((total * 0.2) / 100) * 100;
  return {
    sources: { provincial, selfRaised: total - provincial, other: 0 },
    expenditures: {
      equipmentPurchase: equipment,
      equipmentTrial: 0,
      equipmentLease: 0,
      business: total - equipment - labour,
      labour,
      indirect: 0,
    },
  };
};

/** A 经费预算表 whose derived totals are `budget`'s: the whole project, and 江苏方 when it differs. */
export function budgetTableFor(budget: {
  total: number;
  jiangsuTotal: number;
  provincialFunding: number;
}): BudgetTable {
  return {
    whole: column(budget.total, budget.provincialFunding),
    ...(budget.jiangsuTotal !== budget.total
      ? { jiangsu: column(budget.jiangsuTotal, budget.provincialFunding) }
      : {}),
    justifications: {
      equipment: '购置界面表征与中试验证所需的通用设备，单价均低于大型科学仪器标准。',
      business: '材料、测试化验加工、差旅及国际合作交流、出版与知识产权事务等。',
      labour: '参与项目的研究生和临时聘用人员的劳务费用。',
    },
  };
}

const paragraph = (topic: string, text: string) => `${topic}：${text}`;

/** The 申报书's content for an application titled `title` in `field`. */
export function sampleContent(options: {
  title: string;
  field: string;
  budget: { total: number; jiangsuTotal: number; provincialFunding: number };
  foreign?: { name: string; country: string };
}): ApplicationContent {
  const { title, field } = options;
  return {
    period: { start: '2026-07', end: '2028-06' },
    keywords: [field, '国际合作', '联合研发'],
    abstract: `本项目“${title}”面向${field}领域的关键技术需求，联合境外合作机构开展联合研发，形成可验证的技术成果并推动在江苏转化应用。`,
    team: {
      pi: {
        gender: 'female',
        birthYear: 1982,
        title: '研究员',
        degree: '博士',
        mobile: '13800000000',
        email: 'pi@example.cn',
      },
      members: [
        {
          name: '王强',
          idType: 'resident-id',
          idNumber: '320102198001010011',
          organization: '申报单位',
          title: '高级工程师',
          role: '中试验证',
          monthsPerYear: 8,
        },
      ],
      ...(options.foreign
        ? {
            foreignPi: { name: 'Anna Schmidt', nationality: options.foreign.country, position: 'Professor' },
            foreignMembers: [],
          }
        : {}),
    },
    ...(options.foreign
      ? {
          partnerInstitution: {
            nameZh: options.foreign.name,
            address: 'Hansastraße 27c, 80686 München',
            legalRepresentative: 'Holger Hanselka',
            website: 'https://www.example.org',
            history: '双方自 2021 年起开展人员互访与联合实验。',
          },
        }
      : {}),
    sections: {
      rationale: paragraph('国内外现状', `${field}领域的关键技术仍有瓶颈，国际合作可补足短板。`),
      cooperationBasis: paragraph('双方优势', '申报单位具备中试条件，合作方在基础研究方面积累深厚。'),
      researchPlan: paragraph('研究内容', '- 关键材料设计\n- 工艺优化\n- 中试验证'),
      innovations: '**创新点一**：提出新的界面调控方法。',
      division: '申报单位负责中试与产业化，合作方负责机理研究与表征。',
      ipOwnership: '各方独立完成的成果归各方所有，共同完成的成果共同所有。',
      risks: '技术风险通过阶段评估控制，合作风险通过协议约定化解。',
    },
    indicators: {
      patentsFiled: 4,
      patentsGranted: 1,
      papers: 3,
      standards: 0,
      newProducts: 1,
      talentTrained: 3,
      salesRevenue: 5_000_000,
      foreignExperts: 2,
    },
    milestones: [
      { from: '2026-07', to: '2027-06', goal: '完成关键材料设计与小试。' },
      { from: '2027-07', to: '2028-06', goal: '完成中试验证并形成知识产权。' },
    ],
    budgetTable: budgetTableFor(options.budget),
    instruments: { items: [], sharingCommitment: false },
    declassified: true,
  };
}
