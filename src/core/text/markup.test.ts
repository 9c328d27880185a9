import { describe, expect, it } from 'vitest';
import { parseMarkup, parseSpans } from './markup.js';

const plain = (text: string) => [{ text, bold: false }];

describe('申报书正文标记', () => {
  it('空行分段，段内换行保留为同一段的多行', () => {
    expect(parseMarkup('第一段第一行\n第一段第二行\n\n\n第二段')).toEqual([
      { kind: 'paragraph', lines: [plain('第一段第一行'), plain('第一段第二行')] },
      { kind: 'paragraph', lines: [plain('第二段')] },
    ]);
  });

  it('“- ”开头的行成为无序列表，“1. ”开头的行成为有序列表并保留起始编号', () => {
    expect(parseMarkup('目标如下：\n- 甲\n- 乙\n3. 丙\n4. 丁\n结语')).toEqual([
      { kind: 'paragraph', lines: [plain('目标如下：')] },
      { kind: 'bullets', items: [plain('甲'), plain('乙')] },
      { kind: 'numbered', start: 3, items: [plain('丙'), plain('丁')] },
      { kind: 'paragraph', lines: [plain('结语')] },
    ]);
  });

  it('**加粗** 成为加粗片段，未闭合的 ** 原样保留', () => {
    expect(parseSpans('采用**新型催化剂**与**原位表征**方法')).toEqual([
      { text: '采用', bold: false },
      { text: '新型催化剂', bold: true },
      { text: '与', bold: false },
      { text: '原位表征', bold: true },
      { text: '方法', bold: false },
    ]);
    expect(parseSpans('增长 2**3 倍')).toEqual(plain('增长 2**3 倍'));
    expect(parseMarkup('- **要点**：说明')).toEqual([
      {
        kind: 'bullets',
        items: [
          [
            { text: '要点', bold: true },
            { text: '：说明', bold: false },
          ],
        ],
      },
    ]);
  });

  it('没有空格的“-”或“1.”不是列表；Windows 换行与空文本都能处理', () => {
    expect(parseMarkup('-5℃ 保存\r\n2026.3 完成')).toEqual([
      { kind: 'paragraph', lines: [plain('-5℃ 保存'), plain('2026.3 完成')] },
    ]);
    expect(parseMarkup('')).toEqual([]);
    expect(parseMarkup(' \n\n ')).toEqual([]);
  });

  it('HTML 标签只是文字', () => {
    expect(parseMarkup('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', lines: [plain('<script>alert(1)</script>')] },
    ]);
  });
});
