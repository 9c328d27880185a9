import type { ReactNode } from 'react';

export interface PlainColumn<T> {
  key: string;
  title: ReactNode;
  width?: number;
  render: (row: T, index: number) => ReactNode;
}

/**
 * A table drawn as antd's is (styles.css, `.plain-table`), for a first page that needs none of antd Table's
 * machinery: sorting, filters, selection and pagination bring some 75 KB (brotli) of code with them. On a phone it
 * scrolls inside its own box, which `scroll-regions.ts` makes focusable.
 */
export function PlainTable<T>({
  columns,
  rows,
  rowKey,
  ...rest
}: {
  columns: PlainColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  'data-testid'?: string;
}) {
  return (
    <div className="plain-table" {...rest}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={c.width ? { width: c.width } : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(row, i)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
