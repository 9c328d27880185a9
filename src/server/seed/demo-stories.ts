import type { DemoStory } from './demo-steps.js';

// The demo's 申报书, one per seeded application (demo.ts, province-stage.ts): each its own team, partner,
// research and targets, so that a reviewer reading two of them reads two projects. People and numbers are
// invented; the partners' addresses and websites are the institutions' own.

const member = (
  name: string,
  idNumber: string,
  organization: string,
  title: string,
  role: string,
  monthsPerYear: number,
) => ({ name, idType: 'resident-id' as const, idNumber, organization, title, role, monthsPerYear });

export const SERVO: DemoStory = {
  abstract:
    '面向数控机床和工业机器人对高精度伺服驱动的需求，与德国弗劳恩霍夫制造技术与自动化研究所联合研制高带宽电流环控制、在线参数辨识和振动抑制算法，开发 20 kW 级伺服驱动器样机，在合作企业的五轴加工中心上完成中试验证，定位精度优于 1 μm。',
  keywords: ['伺服驱动', '振动抑制', '参数辨识', '智能制造装备'],
  period: { start: '2026-09', end: '2029-08' },
  pi: { gender: 'male', birthYear: 1979, title: '正高级工程师', degree: '博士' },
  members: [
    member('周建国', '320104198206150011', '南京星河智能装备有限公司', '高级工程师', '驱动硬件设计', 10),
    member('孙晓燕', '320106199003220024', '南京星河智能装备有限公司', '工程师', '控制算法实现与测试', 10),
  ],
  foreignPi: { name: 'Dr. Markus Lehmann', position: 'Head of Department, Robot and Assistive Systems' },
  partnerInstitution: {
    nameZh: '弗劳恩霍夫制造技术与自动化研究所',
    address: 'Nobelstraße 12, 70569 Stuttgart, Germany',
    legalRepresentative: 'Prof. Dr. Andreas Keller',
    website: 'https://www.ipa.fraunhofer.de',
    history: '2022 年起双方在伺服电机测试方法上开展技术交流，2024 年共同承担一项企业委托的振动测试课题。',
  },
  sections: {
    rationale:
      '国产伺服系统在中低端市场已具规模，但高端数控机床所需的高带宽、低振动伺服驱动仍依赖进口。德国在电流环数字控制与振动抑制方面积累深厚，合作可缩短关键算法的研发周期。',
    cooperationBasis:
      '申报单位年产伺服驱动器 3 万台，建有电机对拖测试平台；德方在机器人关节驱动和振动建模方面有多年研究，双方已共同完成一项振动测试课题。',
    researchPlan:
      '- 高带宽电流环与死区补偿算法\n- 负载惯量与摩擦在线辨识\n- 多模态振动抑制与自整定\n- 样机研制及五轴加工中心中试验证',
    innovations:
      '**创新点一**：基于在线辨识的惯量自适应控制，免去人工整定。\n**创新点二**：多模态陷波与前馈结合的振动抑制方法。',
  },
  indicators: {
    patentsFiled: 6,
    patentsGranted: 2,
    papers: 2,
    standards: 1,
    newProducts: 2,
    talentTrained: 4,
    salesRevenue: 12_000_000,
    foreignExperts: 2,
  },
  milestones: [
    { from: '2026-09', to: '2027-08', goal: '完成电流环与辨识算法设计，搭建联合仿真平台。' },
    { from: '2027-09', to: '2028-08', goal: '研制驱动器样机，在德方实验室完成振动抑制测试。' },
    { from: '2028-09', to: '2029-08', goal: '在五轴加工中心完成中试验证，形成产品和专利。' },
  ],
};

export const SOIL_SENSING: DemoStory = {
  abstract:
    '依托中哈智慧农业联合实验室，与哈萨克国立农业大学联合研制低功耗土壤墒情传感节点和广域组网方案，建立适合干旱半干旱地区的灌溉决策模型，在苏北和阿拉木图州各建一处示范区，节水 20% 以上。',
  keywords: ['土壤墒情', '低功耗物联网', '灌溉决策', '智慧农业'],
  period: { start: '2026-07', end: '2028-12' },
  pi: { gender: 'female', birthYear: 1981, title: '教授', degree: '博士' },
  members: [
    member('赵磊', '320102198507080019', '东南大学', '副教授', '传感节点与组网', 9),
    member('刘婷', '320113199209140028', '东南大学', '讲师', '灌溉决策模型', 10),
    member('陈浩', '320104198811020035', '南京星河智能装备有限公司', '工程师', '终端量产与示范部署', 6),
  ],
  foreignPi: {
    name: 'Prof. Aigerim Nurlanovna',
    position: 'Head of Chair, Soil Science and Agrochemistry',
    email: 'pi.soil@kaznau.example',
  },
  partnerInstitution: {
    nameZh: '哈萨克国立农业大学',
    address: '8 Abay Avenue, Almaty 050010, Kazakhstan',
    legalRepresentative: 'Prof. Yerlan Tokhtarov',
    website: 'https://www.kaznaru.edu.kz',
    history: '2023 年双方共建中哈智慧农业联合实验室，互派访问学者 6 人次，联合发表论文 2 篇。',
  },
  sections: {
    rationale:
      '中亚干旱区灌溉用水效率低，现有墒情监测设备功耗高、布设成本大。我国在低功耗物联网方面有产业优势，哈方掌握当地土壤与作物数据，合作具有互补性。',
    cooperationBasis:
      '联合实验室已运行两年，哈方在阿拉木图州有长期观测站，东南大学在低功耗无线传感方面有成熟技术，南京星河智能装备有限公司负责终端量产。',
    researchPlan:
      '- 多深度土壤墒情传感器与超低功耗节点\n- 适应稀疏网络的广域组网协议\n- 作物需水与墒情耦合的灌溉决策模型\n- 苏北与阿拉木图州示范',
    innovations:
      '**创新点一**：基于介电频谱的多深度墒情一体化测量。\n**创新点二**：融合气象预报的滚动灌溉决策模型。',
  },
  indicators: {
    patentsFiled: 5,
    patentsGranted: 1,
    papers: 6,
    standards: 0,
    newProducts: 1,
    talentTrained: 8,
    salesRevenue: 3_000_000,
    foreignExperts: 3,
  },
  milestones: [
    { from: '2026-07', to: '2027-06', goal: '完成传感节点设计和组网协议，在联合实验室完成测试。' },
    { from: '2027-07', to: '2028-12', goal: '建成两处示范区，完成灌溉决策模型验证。' },
  ],
};

export const INTERFACES: DemoStory = {
  abstract:
    '与香港科技大学联合开展先进功能材料界面调控研究，揭示界面缺陷对载流子输运的影响机理，开发原子层沉积界面修饰工艺，在柔性传感器件上完成应用验证，器件稳定性提升一倍。',
  keywords: ['界面调控', '原子层沉积', '柔性器件', '先进材料'],
  period: { start: '2026-10', end: '2028-09' },
  pi: { gender: 'female', birthYear: 1985, title: '研究员', degree: '博士' },
  members: [
    member('吴昊', '320502198704160017', '苏州先进材料研究所', '副研究员', '薄膜制备与表征', 10),
    member('钱丽', '320505199305270026', '苏州先进材料研究所', '助理研究员', '器件集成与测试', 12),
  ],
  foreignPi: {
    name: 'Prof. Raymond Cheung',
    position: 'Professor, Department of Chemical and Biological Engineering',
    email: 'pi.interfaces@hkust.example',
  },
  partnerInstitution: {
    nameZh: '香港科技大学',
    address: 'Clear Water Bay, Kowloon, Hong Kong',
    legalRepresentative: 'Prof. Wong Ka-ho',
    website: 'https://hkust.edu.hk',
    history: '双方自 2021 年起开展研究生联合培养，2024 年签署合作意向书。',
  },
  sections: {
    rationale:
      '柔性电子器件的失效多源于界面缺陷，界面工程是提升器件寿命的关键。港方在界面原位表征方面处于国际前列，我方具备中试级薄膜制备条件。',
    cooperationBasis:
      '研究所拥有原子层沉积和卷对卷涂布设备，港方拥有同步辐射原位表征团队，双方已联合培养研究生 3 名。',
    researchPlan: '- 界面缺陷的原位表征与建模\n- 原子层沉积界面修饰工艺\n- 柔性传感器件集成与可靠性测试',
    innovations: '**创新点一**：原位表征指导的界面修饰工艺窗口设计。',
  },
  indicators: {
    patentsFiled: 4,
    patentsGranted: 1,
    papers: 5,
    standards: 0,
    newProducts: 1,
    talentTrained: 5,
    salesRevenue: 2_000_000,
    foreignExperts: 2,
  },
  milestones: [
    { from: '2026-10', to: '2027-09', goal: '完成界面缺陷表征，确定修饰工艺窗口。' },
    { from: '2027-10', to: '2028-09', goal: '完成柔性器件集成与可靠性验证。' },
  ],
};

export const MEMS_PRESSURE: DemoStory = {
  abstract:
    '与德国弗劳恩霍夫光子微系统研究所联合研制高稳定 MEMS 真空压力传感器，攻克硅—玻璃键合应力控制与真空参考腔密封工艺，在刻蚀和薄膜沉积装备上完成验证，长期漂移小于 0.1%/年。',
  keywords: ['MEMS', '真空压力传感器', '晶圆键合', '半导体装备'],
  period: { start: '2026-08', end: '2029-07' },
  pi: { gender: 'male', birthYear: 1983, title: '高级工程师', degree: '博士' },
  members: [
    member('沈一帆', '320211198909230018', '无锡微纳传感科技有限公司', '工程师', '芯片设计与仿真', 12),
    member('许静', '320206199106110023', '无锡微纳传感科技有限公司', '工程师', '封装工艺', 12),
  ],
  foreignPi: { name: 'Dr. Katrin Vogel', position: 'Group Manager, MEMS Sensors' },
  partnerInstitution: {
    nameZh: '弗劳恩霍夫光子微系统研究所',
    address: 'Maria-Reiche-Straße 2, 01109 Dresden, Germany',
    legalRepresentative: 'Prof. Dr. Stefan Brandt',
    website: 'https://www.ipms.fraunhofer.de',
    history: '2023 年起委托德方进行晶圆键合工艺评估，2025 年签署联合研发协议。',
  },
  sections: {
    rationale:
      '半导体装备所需的高稳定真空压力传感器几乎全部进口，交期长、价格高。德方在晶圆级封装方面有成熟工艺线，合作可加快国产替代。',
    cooperationBasis:
      '申报单位已量产工业级 MEMS 压力传感器，年出货 50 万只；德方拥有 200 mm MEMS 工艺线和键合应力测试能力。',
    researchPlan:
      '- 低应力硅—玻璃阳极键合工艺\n- 真空参考腔吸气剂集成\n- 温度漂移补偿与标定方法\n- 装备厂现场验证',
    innovations: '**创新点一**：应力隔离结构与键合工艺协同设计。\n**创新点二**：基于多温度点的漂移在线补偿。',
  },
  indicators: {
    patentsFiled: 8,
    patentsGranted: 3,
    papers: 2,
    standards: 1,
    newProducts: 2,
    talentTrained: 4,
    salesRevenue: 20_000_000,
    foreignExperts: 2,
  },
  milestones: [
    { from: '2026-08', to: '2027-07', goal: '完成芯片与封装设计，在德方工艺线流片。' },
    { from: '2027-08', to: '2028-07', goal: '完成键合与真空封装工艺定型。' },
    { from: '2028-08', to: '2029-07', goal: '在两家装备厂完成验证，形成批量供货能力。' },
  ],
};

export const HERBAL_FORMULATION: DemoStory = {
  abstract:
    '与澳门科技大学联合开展中药活性成分高通量筛选与缓释制剂研发，建立基于类器官模型的活性评价体系，完成两个候选制剂的处方工艺研究和临床前药效、药代与安全性评价。',
  keywords: ['中药活性成分', '高通量筛选', '缓释制剂', '生命健康'],
  period: { start: '2026-07', end: '2029-06' },
  pi: { gender: 'female', birthYear: 1980, title: '主任药师', degree: '博士' },
  members: [
    member('蒋文', '320281198612040012', '无锡澄江生物医药有限公司', '副主任药师', '制剂处方与工艺', 10),
    member('邹敏', '320282199408190027', '无锡澄江生物医药有限公司', '药师', '药效与药代评价', 12),
  ],
  foreignPi: { name: 'Prof. Leung Wai-man', position: 'Professor, Faculty of Chinese Medicine' },
  partnerInstitution: {
    nameZh: '澳门科技大学',
    address: 'Avenida Wai Long, Taipa, Macau',
    legalRepresentative: 'Prof. Lei Ho-kin',
    website: 'https://www.must.edu.mo',
    history: '2024 年双方就中药质量标志物研究开展合作，联合申请专利 1 项。',
  },
  sections: {
    rationale:
      '中药活性成分筛选效率低、制剂释放不稳定，制约中药新药研发。澳方拥有中药质量研究国家重点实验室资源，我方具备制剂中试和产业化能力。',
    cooperationBasis:
      '申报单位建有符合 GMP 的制剂中试车间；澳方在中药活性成分库和类器官模型方面积累深厚，双方已联合申请专利 1 项。',
    researchPlan:
      '- 中药活性成分库与高通量筛选平台\n- 类器官活性评价模型\n- 缓释制剂处方与工艺\n- 临床前药效、药代与安全性评价',
    innovations: '**创新点一**：类器官模型与高通量筛选结合的活性评价方法。',
  },
  indicators: {
    patentsFiled: 5,
    patentsGranted: 1,
    papers: 4,
    standards: 0,
    newProducts: 2,
    talentTrained: 5,
    salesRevenue: 0,
    foreignExperts: 2,
  },
  milestones: [
    { from: '2026-07', to: '2027-12', goal: '建成筛选平台，确定两个候选成分。' },
    { from: '2028-01', to: '2029-06', goal: '完成缓释制剂处方工艺和临床前评价。' },
  ],
};

export const RUBBER_DISEASE: DemoStory = {
  abstract:
    '依托中泰智慧农业联合研究中心，与泰国农业大学联合研制橡胶园病害物联网监测终端，结合叶片图像和微气象数据建立白粉病、炭疽病预警模型，在泰国南部建设 500 亩示范园，预警准确率达到 85%。',
  keywords: ['橡胶病害', '物联网监测', '预警模型', '智慧农业'],
  period: { start: '2026-09', end: '2028-08' },
  pi: { gender: 'male', birthYear: 1977, title: '研究员', degree: '博士' },
  members: [
    member('马超', '320211198403050015', '无锡物联网创新研究院', '副研究员', '监测终端研制', 10),
    member('陆明', '320214198105180031', '无锡微纳传感科技有限公司', '高级工程师', '传感器选型与量产', 4),
  ],
  foreignPi: {
    name: 'Assoc. Prof. Somchai Wongsawat',
    position: 'Associate Professor, Faculty of Agriculture',
  },
  partnerInstitution: {
    nameZh: '泰国农业大学',
    address: '50 Ngamwongwan Road, Chatuchak, Bangkok 10900, Thailand',
    legalRepresentative: 'Assoc. Prof. Niran Phromma',
    website: 'https://www.ku.ac.th',
    history: '2024 年双方共建中泰智慧农业联合研究中心，已在宋卡府开展一季病害调查。',
  },
  sections: {
    rationale:
      '橡胶白粉病、炭疽病每年造成泰国南部橡胶减产一成以上，现有人工巡查难以及时发现。我方物联网监测技术成熟，泰方掌握病害流行规律和示范园资源。',
    cooperationBasis:
      '联合研究中心已运行一年，泰方提供示范园和病害样本，研究院负责终端和模型，无锡微纳传感科技有限公司负责传感器量产。',
    researchPlan:
      '- 适应高湿环境的监测终端\n- 叶片图像病斑识别\n- 微气象驱动的病害预警模型\n- 示范园部署与评估',
    innovations: '**创新点一**：图像与微气象多源融合的早期预警方法。',
  },
  indicators: {
    patentsFiled: 4,
    patentsGranted: 1,
    papers: 4,
    standards: 0,
    newProducts: 1,
    talentTrained: 6,
    salesRevenue: 2_500_000,
    foreignExperts: 3,
  },
  milestones: [
    { from: '2026-09', to: '2027-08', goal: '完成终端研制和一季病害数据采集。' },
    { from: '2027-09', to: '2028-08', goal: '建成示范园，完成预警模型验证。' },
  ],
};

export const PEROVSKITE_FILMS: DemoStory = {
  abstract:
    '与芬兰国家技术研究中心联合开展柔性钙钛矿光伏功能薄膜卷对卷制备与封装研究，解决大面积涂布均匀性和水氧阻隔问题，制备幅宽 300 mm 的柔性组件，光电转换效率达到 18%。',
  keywords: ['钙钛矿', '卷对卷印刷', '柔性光伏', '新型功能材料'],
  period: { start: '2026-11', end: '2029-10' },
  pi: { gender: 'female', birthYear: 1986, title: '副研究员', degree: '博士' },
  members: [
    member('杨帆', '320213199002140016', '无锡物联网创新研究院', '助理研究员', '涂布工艺', 12),
    member('邵佳', '320281199112250043', '无锡澄江生物医药有限公司', '工程师', '封装材料老化检测', 3),
  ],
  foreignPi: { name: 'Dr. Mikko Virtanen', position: 'Research Team Leader, Printed and Hybrid Electronics' },
  partnerInstitution: {
    nameZh: '芬兰国家技术研究中心',
    address: 'Tekniikantie 21, 02150 Espoo, Finland',
    legalRepresentative: 'Dr. Liisa Korhonen',
    website: 'https://www.vttresearch.com',
    history: '2025 年双方在印刷电子领域开展短期互访，签署合作协议。',
  },
  sections: {
    rationale:
      '柔性钙钛矿组件在建筑光伏和移动能源方面前景广阔，但大面积卷对卷制备的均匀性和寿命仍是难题。芬方拥有欧洲领先的卷对卷印刷中试线。',
    cooperationBasis: '芬方印刷电子中试线可加工 300 mm 幅宽卷材，研究院具备钙钛矿配方与表征能力。',
    researchPlan: '- 大面积涂布墨水配方\n- 卷对卷狭缝涂布工艺\n- 柔性水氧阻隔封装\n- 组件可靠性测试',
    innovations: '**创新点一**：适配卷对卷工艺的钙钛矿墨水溶剂体系。',
  },
  indicators: {
    patentsFiled: 5,
    patentsGranted: 1,
    papers: 4,
    standards: 0,
    newProducts: 1,
    talentTrained: 4,
    salesRevenue: 1_000_000,
    foreignExperts: 2,
  },
  milestones: [
    { from: '2026-11', to: '2027-10', goal: '完成墨水配方和小面积器件。' },
    { from: '2027-11', to: '2028-10', goal: '在芬方中试线完成卷对卷工艺验证。' },
    { from: '2028-11', to: '2029-10', goal: '完成柔性组件封装与可靠性测试。' },
  ],
};

// The calls of `calls/` (专题三's bilateral notice, the 2027 variant): their partners are invented, and so are
// their addresses and websites (example domains).

export const CELL_CULTURE: DemoStory = {
  abstract:
    '与新加坡合作企业联合开发无血清细胞培养基和一次性生物反应器过程控制系统，建立细胞密度与代谢物在线监测模型，在 200 L 规模完成工艺放大验证，细胞表达量提高 30% 以上。',
  keywords: ['细胞培养', '生物反应器', '过程控制', '生命健康'],
  period: { start: '2027-01', end: '2029-12' },
  pi: { gender: 'female', birthYear: 1984, title: '高级工程师', degree: '博士' },
  members: [
    member('顾晨', '320506198803120016', '苏州海川生物科技有限公司', '工程师', '培养基配方开发', 12),
    member('邵敏', '320507199107250029', '苏州海川生物科技有限公司', '工程师', '过程控制与放大', 12),
  ],
  foreignPi: { name: 'Dr. Tan Wei Ling', position: 'Director, Bioprocess Development' },
  partnerInstitution: {
    nameZh: '新加坡百奥工艺私人有限公司（演示虚构）',
    address: '1 Biopolis Way, Singapore 138668（演示）',
    legalRepresentative: 'Mr. Lim Boon Keng',
    website: 'https://bioprocess.example.sg',
    history: '2024 年起双方在细胞株评估上开展委托合作，2026 年签署联合研发协议。',
  },
  sections: {
    rationale:
      '生物药生产所需的无血清培养基和一次性反应器控制系统长期依赖进口。新方在过程分析技术上积累深厚，我方具备培养基配方与中试生产能力，合作可形成自主可控的上游工艺平台。',
    cooperationBasis:
      '申报单位建有 500 L 中试车间和培养基配方实验室；新方拥有在线拉曼监测与过程建模团队，双方已完成两株细胞的联合评估。',
    researchPlan:
      '- 无血清培养基配方筛选与优化\n- 细胞密度与代谢物的在线监测模型\n- 一次性生物反应器过程控制系统\n- 200 L 规模工艺放大验证',
    innovations:
      '**创新点一**：基于在线拉曼光谱的代谢物实时反馈补料策略。\n**创新点二**：面向一次性反应器的自适应溶氧控制。',
  },
  indicators: {
    patentsFiled: 5,
    patentsGranted: 1,
    papers: 2,
    standards: 1,
    newProducts: 2,
    talentTrained: 4,
    salesRevenue: 8_000_000,
    foreignExperts: 2,
  },
  milestones: [
    { from: '2027-01', to: '2027-12', goal: '完成培养基配方筛选和在线监测模型。' },
    { from: '2028-01', to: '2029-12', goal: '完成过程控制系统开发和 200 L 工艺放大验证。' },
  ],
};

export const HYDROGEN_VALVES: DemoStory = {
  abstract:
    '与法国合作机构联合研制 70 MPa 加氢站用高压氢气阀门，攻克密封材料氢脆和阀座微泄漏控制难题，完成 10 万次循环寿命试验，泄漏率优于 1×10⁻⁶ Pa·m³/s。',
  keywords: ['氢能', '高压阀门', '密封材料', '加氢站'],
  period: { start: '2027-07', end: '2030-06' },
  pi: { gender: 'male', birthYear: 1980, title: '正高级工程师', degree: '博士' },
  members: [
    member('韩立', '320505198601140013', '常州青蓝氢能装备有限公司', '工程师', '阀门结构设计', 10),
    member('蒋悦', '320506199204060021', '常州青蓝氢能装备有限公司', '工程师', '寿命试验', 10),
  ],
  foreignPi: { name: 'Dr. Claire Martin', position: 'Head of Hydrogen Components Laboratory' },
  partnerInstitution: {
    nameZh: '法国里昂氢能装备公司（演示虚构）',
    address: '10 Rue de la République, 69002 Lyon, France（演示）',
    legalRepresentative: 'M. Julien Bernard',
    website: 'https://hydrogen.example.fr',
    history: '2025 年起双方就高压密封材料开展技术交流。',
  },
  sections: {
    rationale: '高压氢气阀门是加氢站的关键部件，国产阀门寿命和密封性能与国外仍有差距。',
    cooperationBasis: '申报单位有精密阀门加工能力，法方在氢脆评价和密封材料方面有多年积累。',
    researchPlan: '- 抗氢脆密封材料筛选\n- 阀座微泄漏控制结构\n- 10 万次循环寿命试验',
    innovations: '**创新点一**：梯度结构的抗氢脆密封件。',
  },
  indicators: {
    patentsFiled: 4,
    patentsGranted: 1,
    papers: 1,
    standards: 1,
    newProducts: 1,
    talentTrained: 3,
    salesRevenue: 5_000_000,
    foreignExperts: 1,
  },
  milestones: [
    { from: '2027-07', to: '2028-06', goal: '完成密封材料筛选和阀门结构设计。' },
    { from: '2028-07', to: '2030-06', goal: '完成样机研制和寿命试验。' },
  ],
};
