import type { ExpertProfileBody } from '../../contract/experts.js';
import { principalOf, type PrincipalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { Services } from '../services/index.js';

// The demo's expert pool: the existing `demo-expert` login gets a profile, and a few more experts show the
// conflicts of interest against the demo's applications (东南大学 applies; 南京星河 and 香港科技大学 are partners).

const DEMO_EXPERT: ExpertProfileBody = {
  name: '陈教授',
  organizationName: '南京理工大学',
  organizationCreditCode: null,
  fields: ['智慧农业', '先进材料', '智能制造装备'],
  title: '教授',
  phone: '025-84315000',
  email: 'chen.expert@example.cn',
};

export const OTHER_EXPERTS: (ExpertProfileBody & { login: string })[] = [
  {
    login: 'demo-expert-liu',
    name: '刘研究员',
    organizationName: '东南大学',
    organizationCreditCode: '12320000MB0A12342M',
    fields: ['智慧农业', '物联网'],
    title: '研究员',
    phone: '025-83792000',
    email: 'liu.expert@example.cn',
  },
  {
    login: 'demo-expert-zhao',
    name: '赵教授',
    organizationName: '江南大学',
    organizationCreditCode: null,
    fields: ['先进材料', '生物医药'],
    title: '教授',
    phone: '0510-85326000',
    email: 'zhao.expert@example.cn',
  },
  {
    login: 'demo-expert-sun',
    name: '孙高工',
    organizationName: '南京星河智能装备有限公司',
    organizationCreditCode: '91320100MA1W7K3P4B',
    fields: ['智能制造装备', '智慧农业'],
    title: '正高级工程师',
    phone: '025-52100000',
    email: 'sun.expert@example.cn',
  },
  {
    login: 'demo-expert-zhou',
    name: '周教授',
    organizationName: '香港科技大学',
    organizationCreditCode: null,
    fields: ['先进材料'],
    title: '讲座教授',
    phone: '+852 2358 6000',
    email: 'zhou.expert@example.cn',
  },
];

export async function seedExperts(repos: Repositories, services: Services, password: string): Promise<void> {
  const demoExpert = (await repos.users.findByLogin('demo-expert'))!;
  await services.experts.createProfileFor(demoExpert.id, DEMO_EXPERT);
  const province = principalOf((await repos.users.findByLogin('demo-province'))!) as PrincipalOf<'province'>;
  for (const { login, ...profile } of OTHER_EXPERTS) {
    await services.experts.create(province, { ...profile, account: { login, password } }, { seeded: true });
  }
}
