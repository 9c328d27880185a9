import type { SummaryRow } from '../../core/summary/summary-table.js';
import {
  CHECKLIST_ITEMS,
  type Checklist,
  type ChecklistAnswer,
  type ChecklistItem,
} from '../../contract/review.js';

// 形式审查 answers and the 汇总表's cells are one another's form: a cell is its column's 是 (良好 for credit) or
// 否, followed by the note in full-width brackets, exactly as the derived cells are written.

const YES: Record<ChecklistItem, string> = {
  documentsCompliant: '是',
  materialsComplete: '是',
  ethics: '是',
  credit: '良好',
  separateSlot: '是',
};

const CELL = /^(是|良好|否)(?:（([\s\S]*)）)?$/u;

export function answerOfCell(cell: string): ChecklistAnswer {
  const match = CELL.exec(cell);
  if (!match) return { ok: true, note: cell };
  return { ok: match[1] !== '否', note: match[2] ?? '' };
}

export function cellOfAnswer(item: ChecklistItem, answer: ChecklistAnswer): string {
  const word = answer.ok ? YES[item] : '否';
  return answer.note ? `${word}（${answer.note}）` : word;
}

export function checklistOfRow(row: SummaryRow): Checklist {
  return Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, answerOfCell(row[item])])) as Checklist;
}

/** The row with the department's answers in place of the derived cells. */
export function withChecklist(row: SummaryRow, answers: Checklist): SummaryRow {
  return {
    ...row,
    ...Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, cellOfAnswer(item, answers[item])])),
  };
}
