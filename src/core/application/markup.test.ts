import { describe, expect, it } from 'vitest';
import { parseMarkup, runsOf } from './markup.js';

describe('申报书正文的简单标记', () => {
  it('空行分段；段内换行保留为同一段的多行', () => {
    expect(parseMarkup('第一段第一行\n第一段第二行\n\n第二段')).toEqual([
      {
        kind: 'paragraph',
        lines: [[{ text: '第一段第一行', bold: false }], [{ text: '第一段第二行', bold: false }]],
      },
      { kind: 'paragraph', lines: [[{ text: '第二段', bold: false }]] },
    ]);
  });

  it('“- ”开头为项目列表，“1. ”开头为编号列表，列表后的普通行另起一段', () => {
    const blocks = parseMarkup('研究内容：\n- 材料设计\n- 工艺优化\n1. 小试\n2. 中试\n总结');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'bullets', 'numbered', 'paragraph']);
    expect(blocks[1]).toEqual({
      kind: 'bullets',
      items: [[{ text: '材料设计', bold: false }], [{ text: '工艺优化', bold: false }]],
    });
    expect(blocks[2]!.kind === 'numbered' && blocks[2]!.items.length).toBe(2);
  });

  it('**加粗** 成为加粗片段；未闭合的 ** 原样保留', () => {
    expect(runsOf('提出**新的界面调控**方法')).toEqual([
      { text: '提出', bold: false },
      { text: '新的界面调控', bold: true },
      { text: '方法', bold: false },
    ]);
    expect(runsOf('只有**一半')).toEqual([{ text: '只有**一半', bold: false }]);
  });
});
