import { LineCounter, parseDocument, type Node } from 'yaml';

/** Line and column of a path in a rule file's text, the nearest existing ancestor when it is absent. */
export type Locator = (path: readonly (string | number)[]) => { line?: number; column?: number };

export function locator(text: string): Locator {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, logLevel: 'error' });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) {
        const p = lc.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
    return {};
  };
}
