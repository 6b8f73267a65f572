import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { checkPolicy } from './check.js';
import { PolicyValidationError, type PolicyIssue } from './errors.js';
import { LIMITS, PolicySchema, type Policy } from './schema.js';

export interface PolicySource {
  /** A name for messages, usually the file path. */
  name: string;
  text: string;
}

type Located = Pick<PolicyIssue, 'line' | 'column'>;

/** Finds the node nearest to `path` (the key itself for an unknown key) and its line and column. */
function locate(doc: Document, lc: LineCounter, path: (string | number)[], key?: string): Located {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (!node || !node.range) continue;
    let offset = node.range[0];
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && it.key.value === key);
      const k = pair?.key as Node | undefined;
      if (k?.range) offset = k.range[0];
    }
    const pos = lc.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
  return {};
}

function zodIssues(error: z.ZodError): Omit<PolicyIssue, 'file'>[] {
  const out: Omit<PolicyIssue, 'file'>[] = [];
  for (const i of error.issues) {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) out.push({ path: [...path, key], code: i.code, message: `unknown key "${key}"` });
    } else if (i.code === 'invalid_union' && 'note' in i && i.note === 'No matching discriminator') {
      const which = path.includes('amount') && !path.includes('when') ? 'kind' : 'op';
      out.push({ path: [...path, which], code: i.code, message: `unknown ${which === 'op' ? 'operator' : 'amount kind'}` });
    } else out.push({ path, code: i.code, message: i.message });
  }
  return out;
}

/** What `parseDocuments` needs to know of one kind of rule document. */
export interface DocumentKind<T extends { id: string }> {
  schema: z.ZodType<Omit<T, 'file'>>;
  /** Semantic checks the schema cannot express; paths are relative to the document. */
  check: (value: Omit<T, 'file'>) => Omit<PolicyIssue, 'file' | 'line' | 'column'>[];
}

interface Parsed<T> {
  items: T[];
  issues: PolicyIssue[];
  /** Where each document's id sits, for duplicate reports. */
  idAt: Map<T, Located>;
}

function parseOne<T extends { id: string; file?: string | undefined }>(src: PolicySource, kind: DocumentKind<T>, out: Parsed<T>): void {
  const file = src.name;
  const syntax = /\.json$/i.test(file) ? 'json_syntax' : 'yaml_syntax';
  if (src.text.length > LIMITS.maxFileBytes) {
    out.issues.push({ file, path: [], code: 'file_too_large', message: `file is ${src.text.length} characters; the limit is ${LIMITS.maxFileBytes}` });
    return;
  }
  const lc = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = lc.linePos(e.pos[0]);
      out.issues.push({ file, line: pos.line, column: pos.col, path: [], code: syntax, message: e.message.split('\n')[0] ?? e.message });
    }
    return;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    out.issues.push({ file, path: [], code: syntax, message: (e as Error).message });
    return;
  }
  const r = kind.schema.safeParse(data);
  if (!r.success) {
    for (const i of zodIssues(r.error)) {
      const key = i.code === 'unrecognized_keys' ? String(i.path.at(-1)) : undefined;
      const at = locate(doc, lc, key === undefined ? i.path : i.path.slice(0, -1), key);
      out.issues.push({ file, ...at, ...i });
    }
    return;
  }
  const semantic = kind.check(r.data);
  for (const i of semantic) out.issues.push({ file, ...locate(doc, lc, i.path), ...i });
  if (semantic.length) return;
  const item = Object.freeze({ ...r.data, file }) as unknown as T;
  out.items.push(item);
  out.idAt.set(item, locate(doc, lc, ['id']));
}

/**
 * Parses and validates documents of one kind (YAML or JSON), one a source. Throws one
 * `PolicyValidationError` listing every problem in every file, each with file, line and column.
 */
export function parseDocuments<T extends { id: string; file?: string | undefined }>(sources: readonly PolicySource[], kind: DocumentKind<T>): T[] {
  const out: Parsed<T> = { items: [], issues: [], idAt: new Map() };
  for (const src of sources) parseOne(src, kind, out);
  const first = new Map<string, T>();
  for (const p of out.items) {
    const prev = first.get(p.id);
    if (prev) out.issues.push({ file: p.file, ...out.idAt.get(p), path: ['id'], code: 'duplicate_id', message: `id "${p.id}" is also used in ${prev.file}` });
    else first.set(p.id, p);
  }
  if (out.issues.length) throw new PolicyValidationError(out.issues);
  return out.items;
}

const POLICY_KIND: DocumentKind<Policy> = { schema: PolicySchema as unknown as z.ZodType<Omit<Policy, 'file'>>, check: (p) => checkPolicy(p as Policy) };

/**
 * Parses and validates rule files (YAML or JSON). Throws one `PolicyValidationError` listing every
 * problem in every file, each with file, line and column.
 */
export function parsePolicies(sources: readonly PolicySource[]): Policy[] {
  return parseDocuments(sources, POLICY_KIND);
}
