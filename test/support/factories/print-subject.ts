import { bundleSchema } from '../../../src/core/bundle/schema.js';
import { JS_INTL_2026 } from '../../../src/core/calls/js-intl-2026.js';
import type { PrintSubject } from '../../../src/server/io/print/types.js';
import { sampleContent } from '../../../src/server/seed/application-content.js';
import { application, bundle, organization, person } from './bundle.js';

// A complete 申报书 to print: the bundle factory's application with the seed's content (a whole project of
// 300.00 万元, 江苏方 200.00 万元, 省拨款 80.00 万元) and a verified unit record.

export function printSubject(overrides: { sections?: Record<string, string> } = {}): PrintSubject {
  const base = application({ pi: 'p1', applicant: 'o1' });
  const content = sampleContent({
    title: base.title,
    field: base.field,
    budget: base.budget,
    foreign: { name: '弗劳恩霍夫应用研究促进协会', country: 'DE' },
  });
  const app = {
    ...base,
    ...content,
    title: '面向新能源汽车的固态电池界面调控关键技术联合研发',
    sections: { ...content.sections, ...overrides.sections },
  };
  return {
    call: JS_INTL_2026,
    bundle: bundleSchema.parse(
      bundle({
        organizations: [organization({ id: 'o1', name: '江苏先进材料科技有限公司' })],
        people: [person({ id: 'p1', name: '李华', employer: 'o1' })],
        applications: [app],
      }),
    ),
    applicationId: app.id,
    unit: {
      address: '南京市玄武区中山路 100 号',
      contactName: '张敏',
      contactMobile: '13900000000',
      contactEmail: 'contact@example.cn',
      departmentName: '南京市科学技术局',
      verified: true,
    },
  };
}
