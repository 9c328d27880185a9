import { Typography } from 'antd';
import { Fragment } from 'react';
import { parseMarkup, type MarkupLine } from '../../../core/text/markup.js';

function Line({ spans }: { spans: MarkupLine }) {
  return (
    <>
      {spans.map((s, i) =>
        s.bold ? <strong key={i}>{s.text}</strong> : <Fragment key={i}>{s.text}</Fragment>,
      )}
    </>
  );
}

/** Section text in the 申报书's markup: paragraphs, **bold**, `- ` and `1. ` lists; never HTML. */
export function MarkupText({ text }: { text: string | undefined }) {
  const blocks = parseMarkup(text ?? '');
  if (blocks.length === 0) return <Typography.Text type="secondary">（未填写）</Typography.Text>;
  return (
    <div className="markup-text">
      {blocks.map((block, i) => {
        if (block.kind === 'paragraph') {
          return (
            <Typography.Paragraph key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <br />}
                  <Line spans={line} />
                </Fragment>
              ))}
            </Typography.Paragraph>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Line spans={item} />
          </li>
        ));
        return block.kind === 'bullets' ? (
          <ul key={i}>{items}</ul>
        ) : (
          <ol key={i} start={block.start}>
            {items}
          </ol>
        );
      })}
    </div>
  );
}
