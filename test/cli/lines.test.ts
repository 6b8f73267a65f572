import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachLineSync, LineSplitter } from '../../src/cli/lines.js';

/** Feeds `text` to a splitter in the given pieces (as UTF-8 bytes, so pieces may cut a character). */
function split(text: string, cuts: number[], max = Infinity): (string | null)[] {
  const bytes = Buffer.from(text, 'utf8');
  const s = new LineSplitter(max);
  const out: (string | null)[] = [];
  let at = 0;
  for (const c of [...cuts.map((x) => x % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    out.push(...s.push(bytes.subarray(at, Math.max(at, c))));
    at = Math.max(at, c);
  }
  return [...out, ...s.end()];
}

const expected = (text: string) => {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
};

describe('LineSplitter', () => {
  it('gives the same lines however the input is cut into chunks', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', '😀', '\n', '\r', ' ') }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        expect(split(text, cuts)).toEqual(expected(text));
      }),
    );
  });

  it.each([
    ['a byte order mark at the start is dropped', '\uFEFF{"id":1}\n{"id":2}', ['{"id":1}', '{"id":2}']],
    ['one elsewhere is kept', 'x\n\uFEFFy', ['x', '\uFEFFy']],
    ['CRLF line ends', 'a\r\nb\r\n', ['a', 'b']],
    ['no final line break', 'a\nb', ['a', 'b']],
  ])('%s', (_, text, lines) => {
    expect(split(text, [1, 3])).toEqual(lines);
  });

  it('turns a line over the limit into null, whatever the chunks, and goes on', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (cuts) => {
        expect(split(`short\n${'x'.repeat(50)}\nok\n${'y'.repeat(21)}`, cuts, 20)).toEqual(['short', null, 'ok', null]);
      }),
    );
  });

  it('reads a 64 MB line in linear time', () => {
    const s = new LineSplitter(1 << 16);
    const chunk = Buffer.alloc(1 << 15, 'x');
    const started = performance.now();
    for (let i = 0; i < 2048; i++) expect(s.push(chunk)).toEqual([]);
    expect(s.push(Buffer.from('\n{}\n'))).toEqual([null, '{}']);
    // Quadratic rescanning took minutes; linear reading is a fraction of a second even on a busy machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('forEachLineSync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guiyan-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const linesOf = (text: string, max = Infinity) => {
    const path = join(dir, 'f.jsonl');
    writeFileSync(path, text);
    const out: (string | null)[] = [];
    forEachLineSync(path, max, (l) => out.push(l));
    return out;
  };

  it('gives the lines the splitter gives, across its 64 KiB reads (characters cut between them)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', '😀', '\n', '\r', ' ', '\uFEFF'), maxLength: 40 }), fc.nat({ max: 1 << 17 }), (tail, pad) => {
        // A long first line puts the rest across the boundary of the first read.
        const text = `${'中'.repeat(pad % 40_000)}\n${tail}`;
        expect(linesOf(text)).toEqual(split(text, []));
      }),
      { numRuns: 30 },
    );
  });

  it('turns a line over the limit into null and goes on', () => {
    expect(linesOf(`\uFEFFshort\r\n${'x'.repeat(70_000)}\nok`, 1 << 16)).toEqual(['short', null, 'ok']);
  });
});
