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

const PHRASES = (
  '人工智能 机器学习 深度学习 大数据 云计算 物联网 区块链 集成电路 传感器 新能源 锂离子电池 燃料电池 光伏 储能 ' +
  '氢能 智能电网 新材料 复合材料 纳米材料 石墨烯 碳纤维 生物医药 创新药物 医疗器械 基因编辑 细胞治疗 疫苗 ' +
  '中医药 现代农业 种质资源 食品安全 海洋工程 轨道交通 新能源汽车 航空航天 无人机 机器人 工业互联网 智能制造 ' +
  '增材制造 光电子 量子通信 网络安全 生态环境 碳中和 节能减排 关键技术 核心算法 制备工艺 系统集成 检测方法 ' +
  '评价体系 仿真平台 控制策略 优化设计 数字孪生 在线监测 故障诊断 寿命预测 协同优化 绿色合成 精准调控 研究 ' +
  '研发 开发 研制 应用示范 产业化 推广应用 联合攻关 国际合作 工程化 标准 成果转化 高性能 低成本 智能化 ' +
  '关键材料 核心部件 重大装备 国际先进水平 自主知识产权 境外合作方 联合实验室 示范应用'
).split(' ');
const CONNECTIVES = (
  '本项目面向 针对 围绕 通过 基于 开展 研究 突破 建立 构建 形成 开发 实现 提升 解决 揭示 阐明 联合 ' +
  '的 与 和 及 中 在 等 ， ， ， 。'
).split(' ');
// Synthetic terms over a wide character pool play the specifics (materials, species, devices, places)
// that tell real projects apart; a Zipf law over them makes a few terms common and most rare.
const POOL = Array.from({ length: 2500 }, (_, i) => String.fromCodePoint(0x4e00 + 7 * i));
const TERMS = [
  ...PHRASES,
  ...Array.from({ length: 30_000 }, () => Array.from({ length: between(2, 4) }, () => pick(POOL)).join('')),
];
const zipf = (() => {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= TERMS.length; rank++) cumulative.push((total += 1 / rank ** 0.9));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return TERMS[low]!;
  };
})();

function projectText(): string {
  let title = '';
  const titleLength = between(15, 30);
  while (title.length < titleLength) title += zipf();
  let summary = '';
  const summaryLength = between(80, 200);
  while (summary.length < summaryLength) {
    summary += pick(CONNECTIVES);
    for (let terms = between(1, 4); terms > 0; terms--) summary += zipf();
  }
  return `${title.slice(0, titleLength)}\n${summary.slice(0, summaryLength)}`;
}

/** A copy with a share of its code points substituted, deleted or followed by an insertion. */
function nearCopy(text: string): string {
  const rate = 0.02 + random() * 0.3;
  return Array.from(text, (point) => {
    if (random() >= rate) return point;
    const edit = random();
    return edit < 0.4 ? pick(POOL) : edit < 0.7 ? '' : point + pick(POOL);
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

const index = new SimilarityIndex({ threshold: THRESHOLD });
let start = performance.now();
texts.forEach((text, i) => index.add(ids[i]!, text));
index.build();
const buildTime = ms(start);

start = performance.now();
const pairs = index.pairs();
const pairsTime = ms(start);
const indexPeak = process.resourceUsage().maxRSS * 1024;

const sample = new Set<number>();
while (sample.size < SAMPLE / 2) sample.add(pick(planted));
while (sample.size < SAMPLE) sample.add(Math.floor(random() * DOCUMENTS));
const number = new Map(ids.map((id, i) => [id, i]));
const byPairs = new Map<number, Set<number>>([...sample].map((doc) => [doc, new Set<number>()]));
for (const { a, b } of pairs) {
  byPairs.get(number.get(a)!)?.add(number.get(b)!);
  byPairs.get(number.get(b)!)?.add(number.get(a)!);
}
const byQuery = new Map<number, Set<number>>();
start = performance.now();
for (const doc of sample) {
  const found = index.query(texts[doc]!).map(({ id }) => number.get(id)!);
  byQuery.set(doc, new Set(found.filter((other) => other !== doc)));
}
const queryTime = (performance.now() - start) / sample.size;

const json = JSON.stringify(texts);
JSON.parse(json);
start = performance.now();
JSON.parse(json);
const jsonTime = ms(start);
start = performance.now();
const sets = texts.map((text) => trigrams(text)!);
const trigramTime = ms(start);

// Brute force: each sampled document against every other, counting the other's trigrams it marks.
const dictionary = new Map<string, number>();
const numbered = sets.map((set) =>
  Int32Array.from(set, (gram) => {
    let id = dictionary.get(gram);
    if (id === undefined) dictionary.set(gram, (id = dictionary.size));
    return id;
  }),
);
const marked = new Uint8Array(dictionary.size);
const recall = { truth: 0, pairs: 0, query: 0, extraPairs: 0, extraQuery: 0 };
start = performance.now();
for (const doc of sample) {
  const mine = numbered[doc]!;
  for (const id of mine) marked[id] = 1;
  const truth = new Set<number>();
  for (let other = 0; other < DOCUMENTS; other++) {
    const theirs = numbered[other]!;
    let shared = 0;
    for (const id of theirs) shared += marked[id]!;
    if (other !== doc && shared / Math.min(mine.length, theirs.length) >= THRESHOLD) truth.add(other);
  }
  for (const id of mine) marked[id] = 0;
  recall.truth += truth.size;
  for (const [method, found] of [
    ['pairs', byPairs.get(doc)!] as const,
    ['query', byQuery.get(doc)!] as const,
  ]) {
    const hits = [...found].filter((other) => truth.has(other)).length;
    recall[method] += hits;
    recall[method === 'pairs' ? 'extraPairs' : 'extraQuery'] += found.size - hits;
  }
}
const bruteTime = ms(start);
const ratio = (found: number) => (recall.truth === 0 ? 1 : found / recall.truth).toFixed(4);

console.log(`documents: ${DOCUMENTS} (${PLANTED} planted near-duplicates), threshold ${THRESHOLD}`);
console.log(`build (add + freeze): ${buildTime}`);
console.log(`pairs: ${pairsTime}`);
console.log(`pairs found: ${pairs.length} (share ≥ 0.8: ${pairs.filter((p) => p.share >= 0.8).length})`);
console.log(`peak RSS after build and pairs: ${mb(indexPeak)}`);
console.log(`query: ${queryTime.toFixed(2)} ms per document`);
console.log(
  `trigram sets of all texts: ${trigramTime} (JSON.parse of the same texts as a JSON array: ${jsonTime})`,
);
console.log(
  `brute force for ${sample.size} sampled documents (${SAMPLE / 2} planted copies, ${SAMPLE / 2} at random) ` +
    `against all ${DOCUMENTS}: ${bruteTime}, ${recall.truth} pairs`,
);
console.log(
  `recall of pairs: ${recall.pairs}/${recall.truth} = ${ratio(recall.pairs)}, not in brute force: ${recall.extraPairs}`,
);
console.log(
  `recall of query: ${recall.query}/${recall.truth} = ${ratio(recall.query)}, not in brute force: ${recall.extraQuery}`,
);
console.log(`peak RSS of the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`);
