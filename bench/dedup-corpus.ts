// The corpus of bench:dedup: 100,000 synthetic project texts (title + summary) with a few thousand planted
// near-duplicates, the same at every import (a seeded generator), so that a child process indexes exactly
// what its parent does.

export const DOCUMENTS = 100_000;
export const PLANTED = 3_000;
export const SAMPLE = 300;
export const THRESHOLD = 0.5;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const random = mulberry32(20260526);
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
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

export const texts: string[] = [];
export const planted: number[] = [];
for (let i = 0; i < DOCUMENTS - PLANTED; i++) texts.push(projectText());
for (let i = 0; i < PLANTED; i++) {
  planted.push(texts.length);
  texts.push(nearCopy(texts[Math.floor(random() * texts.length)]!));
}
export const ids = texts.map((_, i) => `P${String(i).padStart(6, '0')}`);
