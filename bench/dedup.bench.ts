// Duplicate detection at provincial scale: 100,000 synthetic project texts (title + summary) with a few
// thousand planted near-duplicates; the index's pairs at 0.5 are checked against brute force for a sample.

import { SimilarityIndex } from '../src/core/text/similarity-index.js';
import { trigrams } from '../src/core/text/trigrams.js';

const DOCUMENTS = 100_000;
const PLANTED = 3_000;
const SAMPLE = 300;
const THRESHOLD = 0.5;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20260526);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const TERMS = (
  '人工智能 机器学习 深度学习 大数据 云计算 物联网 区块链 集成电路 芯片 传感器 新能源 锂离子电池 燃料电池 光伏 ' +
  '储能 氢能 风电 智能电网 新材料 高分子材料 复合材料 纳米材料 石墨烯 碳纤维 生物医药 创新药物 医疗器械 ' +
  '基因编辑 细胞治疗 疫苗 抗体 中医药 现代农业 种质资源 智慧农业 食品安全 海洋工程 船舶 轨道交通 新能源汽车 ' +
  '智能网联汽车 航空航天 无人机 机器人 工业互联网 智能制造 数控机床 增材制造 激光 光电子 量子通信 5G通信 ' +
  '网络安全 生态环境 污染治理 碳中和 节能减排 水处理 土壤修复 固废资源化 建筑节能 城市安全 防灾减灾'
).split(' ');
const METHODS = (
  '关键技术 核心算法 制备工艺 系统集成 检测方法 评价体系 仿真平台 控制策略 优化设计 表征技术 数字孪生 ' +
  '多尺度建模 高通量筛选 在线监测 故障诊断 寿命预测 协同优化 低成本制造 绿色合成 精准调控'
).split(' ');
const GOALS = (
  '研究 研发 开发 研制 应用示范 产业化 推广应用 联合攻关 国际合作研究 工程化验证 标准制定 成果转化'
).split(' ');
const TEMPLATES = [
  '本项目面向{T}领域重大需求，',
  '针对{T}中{M}的瓶颈问题，',
  '联合境外高校和科研机构，',
  '开展{T}{M}{G}，',
  '突破{M}和{M}等关键环节，',
  '建立{T}{M}，',
  '形成具有自主知识产权的{T}{M}，',
  '申请发明专利{N}项，',
  '培养青年科技人才{N}名，',
  '实现{T}在{T}中的{G}，',
  '性能指标达到国际先进水平。',
  '预期新增销售收入{N}万元。',
];
// Rare characters make the synthetic "specifics" (place, product, partner) that distinguish real projects.
const RARE = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + 500 + i * 5));
const specific = () => Array.from({ length: between(2, 4) }, () => pick(RARE)).join('');
const fill = (template: string) =>
  template
    .replace(/\{T\}/g, () => (random() < 0.4 ? specific() : '') + pick(TERMS))
    .replace(/\{M\}/g, () => pick(METHODS))
    .replace(/\{G\}/g, () => pick(GOALS))
    .replace(/\{N\}/g, () => String(between(1, 500)));

function projectText(): string {
  let title = '';
  while (title.length < 15) title += fill(pick(['{T}', '{T}{M}', '基于{T}的{T}', '{T}与{T}']));
  title = (title + fill('{M}{G}')).slice(0, between(15, 30));
  let summary = '';
  const length = between(80, 200);
  while (summary.length < length) summary += fill(pick(TEMPLATES));
  return `${title}\n${summary}`;
}

/** A copy with a share of its code points substituted, deleted or followed by an insertion. */
function nearCopy(text: string): string {
  const rate = 0.02 + random() * 0.3;
  return Array.from(text, (point) => {
    if (random() >= rate) return point;
    const edit = random();
    return edit < 0.4 ? pick(RARE) : edit < 0.7 ? '' : point + pick(RARE);
  }).join('');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

const texts: string[] = [];
const planted: number[] = [];
for (let i = 0; i < DOCUMENTS - PLANTED; i++) texts.push(projectText());
for (let i = 0; i < PLANTED; i++) {
  planted.push(texts.length);
  texts.push(nearCopy(texts[Math.floor(random() * texts.length)]!));
}
const ids = texts.map((_, i) => `P${String(i).padStart(6, '0')}`);

const json = JSON.stringify(texts);
JSON.parse(json);
let start = performance.now();
JSON.parse(json);
const jsonTime = ms(start);
start = performance.now();
const sets = texts.map((text) => trigrams(text)!);
const trigramTime = ms(start);

const index = new SimilarityIndex({ threshold: THRESHOLD });
start = performance.now();
texts.forEach((text, i) => index.add(ids[i]!, text));
index.build();
const buildTime = ms(start);

start = performance.now();
const pairs = index.pairs();
const pairsTime = ms(start);

// Brute force: every sampled document against all others, by merging sorted trigram ids.
const dictionary = new Map<string, number>();
const sorted = sets.map((set) =>
  Int32Array.from(set, (gram) => {
    let id = dictionary.get(gram);
    if (id === undefined) dictionary.set(gram, (id = dictionary.size));
    return id;
  }).sort(),
);
function shared(x: Int32Array, y: Int32Array): number {
  let count = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      count++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return count;
}
const sample = new Set<number>();
while (sample.size < SAMPLE / 2) sample.add(pick(planted));
while (sample.size < SAMPLE) sample.add(Math.floor(random() * DOCUMENTS));

const partners = new Map<number, Set<number>>([...sample].map((doc) => [doc, new Set<number>()]));
const number = new Map(ids.map((id, i) => [id, i]));
for (const { a, b } of pairs) {
  partners.get(number.get(a)!)?.add(number.get(b)!);
  partners.get(number.get(b)!)?.add(number.get(a)!);
}
start = performance.now();
let truth = 0;
let recalled = 0;
let extra = 0;
for (const doc of sample) {
  const mine = sorted[doc]!;
  let expected = 0;
  let found = 0;
  for (let other = 0; other < DOCUMENTS; other++) {
    if (other === doc) continue;
    const theirs = sorted[other]!;
    if (shared(mine, theirs) / Math.min(mine.length, theirs.length) < THRESHOLD) continue;
    expected++;
    if (partners.get(doc)!.has(other)) found++;
  }
  truth += expected;
  recalled += found;
  extra += partners.get(doc)!.size - found;
}
const bruteTime = ms(start);

start = performance.now();
for (const doc of sample) index.query(texts[doc]!);
const queryTime = (performance.now() - start) / sample.size;

console.log(`documents: ${DOCUMENTS} (${PLANTED} planted near-duplicates)`);
console.log(`trigram sets for all texts: ${trigramTime} (JSON.parse of the same texts: ${jsonTime})`);
console.log(`build (add + freeze) at threshold ${THRESHOLD}: ${buildTime}`);
console.log(`pairs: ${pairsTime}`);
console.log(`pairs found: ${pairs.length} (share ≥ 0.8: ${pairs.filter((p) => p.share >= 0.8).length})`);
console.log(`query: ${queryTime.toFixed(2)} ms per document`);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
console.log(
  `recall on ${sample.size} sampled documents (${SAMPLE / 2} planted copies, ${SAMPLE / 2} at random), ` +
    `brute force over all ${DOCUMENTS} in ${bruteTime}: ${recalled}/${truth} = ${(truth === 0 ? 1 : recalled / truth).toFixed(4)}`,
);
console.log(`pairs not in brute force for the sample: ${extra}`);
