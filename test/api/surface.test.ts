import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The public surface of `guiyan`: every export documented at its declaration, every value with an example.
const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
const checker = program.getTypeChecker();
const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;

interface Export { name: string; value: boolean; doc: string; example: boolean }

const exported: Export[] = checker.getExportsOfModule(moduleSymbol).map((alias) => {
  const symbol = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
  const value = (symbol.flags & ts.SymbolFlags.Value) !== 0;
  const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const example = symbol.getJsDocTags(checker).some((t) => t.name === 'example');
  return { name: alias.name, value, doc, example };
});

describe('public surface of guiyan', () => {
  it('stays a short list', () => {
    expect(exported.filter((e) => e.value).length).toBeLessThanOrEqual(55);
    expect(exported.length).toBeLessThanOrEqual(155);
  });

  it.each(exported.map((e) => [e.name, e] as const))('%s has a one-line TSDoc', (_name, e) => {
    expect(e.doc, `${e.name} has no TSDoc`).not.toBe('');
  });

  it.each(exported.filter((e) => e.value).map((e) => [e.name, e] as const))('%s has an example', (_name, e) => {
    expect(e.example, `${e.name} has no @example`).toBe(true);
  });
});
