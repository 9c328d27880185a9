import { Fragment } from 'react';
import { parseMarkup, type Run } from '../../core/application/markup.js';

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) =>
        run.bold ? <strong key={i}>{run.text}</strong> : <Fragment key={i}>{run.text}</Fragment>,
      )}
    </>
  );
}

/** A section of the 申报书 as written in its simple markup (paragraphs, **bold**, `- ` and `1. ` lists). */
export function MarkupText({ text }: { text: string | undefined }) {
  return (
    <div className="markup-text">
      {parseMarkup(text ?? '').map((block, i) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <br />}
                  <Runs runs={line} />
                </Fragment>
              ))}
            </p>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Runs runs={item} />
          </li>
        ));
        return block.kind === 'bullets' ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>;
      })}
    </div>
  );
}
