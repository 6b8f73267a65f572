import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build.js';
import { ROOT } from '../helpers/rules.js';

/**
 * The published declarations as a strict TypeScript user sees them: each fixture line marked
 * `// error` must fail to compile, and every other line must compile.
 */
const FIXTURES = join(ROOT, 'test', 'types', 'fixtures');

function errorLines(file: string): { expected: number[]; actual: number[]; messages: string[] } {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    skipLibCheck: true,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
  const actual = [...new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1))].sort((a, b) => a - b);
  const expected = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (/\/\/ error\s*$/.test(line) ? [i + 1] : []));
  return { expected, actual, messages: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 160)) };
}

describe('the published types', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('reject unknown vocabulary and breakdown parts, and accept the rest', () => {
    const { expected, actual, messages } = errorLines(join(FIXTURES, 'profile-vocabulary.ts'));
    expect(expected.length).toBeGreaterThan(0);
    expect(actual, messages.join('\n')).toEqual(expected);
  });
});
