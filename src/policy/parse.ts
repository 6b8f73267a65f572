import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import { checkPolicy } from './check.js';
import { PolicyValidationError, type PolicyIssue } from './errors.js';
import { checkOverlay, isOverlayDocument, linkOverlays, OverlaySchema, type PolicyOverlay } from './overlay.js';
import { LIMITS, PolicySchema, type Policy } from './schema.js';

/** The text of one rule file and a name for messages. */
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

const FORBIDDEN = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Zod's issues with clearer codes where the generic one would leave an author guessing. */
function zodIssues(error: z.ZodError, data: unknown): Omit<PolicyIssue, 'file'>[] {
  const out: Omit<PolicyIssue, 'file'>[] = [];
  for (const i of error.issues) {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(data, path);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      out.push({ path, code: 'not_finite', message: `numbers must be finite, not ${String(value)}` });
    } else if (typeof value === 'string' && FORBIDDEN.test(value)) {
      out.push({ path, code: 'forbidden_path', message: `"${value.slice(0, 80)}" names an object internal, not a profile field` });
    } else if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && !isIsoDate(value)) {
      out.push({ path, code: 'invalid_date', message: `${value} is not a date of the calendar` });
    } else if (i.code === 'too_big' && (i.origin === 'array' || i.origin === 'string')) {
      const many = i.origin === 'array';
      out.push({ path, code: many ? 'too_many_items' : 'text_too_long', message: `${many ? 'lists hold at most' : 'texts hold at most'} ${String(i.maximum)} ${many ? 'items' : 'characters'}` });
    } else if (i.code === 'unrecognized_keys') {
      for (const key of i.keys)
        out.push(FORBIDDEN.test(key) ? { path: [...path, key], code: 'forbidden_path', message: `"${key}" names an object internal` } : { path: [...path, key], code: i.code, message: `unknown key "${key}"` });
    } else if (i.code === 'invalid_union' && 'note' in i && i.note === 'No matching discriminator') {
      const which = path.includes('amount') && !path.includes('when') ? 'kind' : 'op';
      out.push({ path: path.at(-1) === which ? path : [...path, which], code: i.code, message: `unknown ${which === 'op' ? 'operator' : 'amount kind'}` });
    } else out.push({ path, code: i.code, message: i.message });
  }
  return out;
}

/** The path to the first object or array nested deeper than `max`, if any (iterative: no stack to overflow). */
function tooDeep(data: unknown, max: number): (string | number)[] | null {
  // Nodes are numbered as they are pushed; a path is rebuilt from parents only for the one found.
  const value: unknown[] = [data];
  const depth: number[] = [0];
  const parent: number[] = [-1];
  const key: (string | number)[] = [''];
  const stack: number[] = [0];
  while (stack.length) {
    const i = stack.pop()!;
    const v = value[i];
    if (v === null || typeof v !== 'object') continue;
    if (depth[i]! >= max) {
      const path: (string | number)[] = [];
      for (let j = i; j > 0; j = parent[j]!) path.push(key[j]!);
      return path.reverse();
    }
    const isArray = Array.isArray(v);
    for (const [k, x] of Object.entries(v)) {
      if (x === null || typeof x !== 'object') continue;
      stack.push(value.length);
      value.push(x);
      depth.push(depth[i]! + 1);
      parent.push(i);
      key.push(isArray ? Number(k) : k);
    }
  }
  return null;
}

/**
 * Only a text that spells one of the words, or escapes characters (quoted "\x5f…"), can hold such
 * a key: any other need not be walked.
 */
const MAY_NAME_INTERNALS = /__proto__|constructor|prototype|\\/;

/** Keys such as `__proto__` would reach object internals when the YAML becomes JavaScript. */
function internalKeys(doc: Document, lc: LineCounter): Omit<PolicyIssue, 'file'>[] {
  const out: Omit<PolicyIssue, 'file'>[] = [];
  visit(doc, {
    Pair(_k, pair, path) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || typeof key.value !== 'string' || !FORBIDDEN.test(key.value)) return;
      const pos = key.range ? lc.linePos(key.range[0]) : undefined;
      const keys = path.filter((n) => 'key' in (n as object)).map((n) => String(((n as { key: { value?: unknown } }).key)?.value));
      out.push({ path: [...keys, key.value], ...(pos ? { line: pos.line, column: pos.col } : {}), code: 'forbidden_path', message: `"${key.value}" names an object internal` });
    },
  });
  return out;
}

const YAML_CODES: Record<string, string> = { MULTIPLE_DOCS: 'multiple_documents', DUPLICATE_KEY: 'duplicate_key', TAG_RESOLVE_FAILED: 'unknown_tag', BAD_ALIAS: 'ambiguous_anchor' };
const STACK = /call stack/i;

/** What `parseDocuments` needs to know of one kind of rule document. */
export interface DocumentKind<T extends { id: string }> {
  schema: z.ZodType<Omit<T, 'file'>>;
  /** Semantic checks the schema cannot express; paths are relative to the document. */
  check: (value: Omit<T, 'file'>) => Omit<PolicyIssue, 'file' | 'line' | 'column'>[];
  /** Another kind for documents that are not of this one (overlay files among policies). */
  pick?: (data: unknown) => DocumentKind<T> | undefined;
}

interface Parsed<T> {
  items: T[];
  issues: PolicyIssue[];
  /** Where a path of each document sits, for reports after parsing (duplicate ids, links). */
  at: Map<T, (path: (string | number)[]) => Located>;
}

function parseOne<T extends { id: string; file?: string | undefined }>(src: PolicySource, docKind: DocumentKind<T>, out: Parsed<T>): void {
  const file = src.name;
  const syntax = /\.json$/i.test(file) ? 'json_syntax' : 'yaml_syntax';
  if (src.text.length > LIMITS.maxFileBytes) {
    out.issues.push({ file, path: [], code: 'file_too_large', message: `file is ${src.text.length} characters; the limit is ${LIMITS.maxFileBytes}` });
    return;
  }
  const lc = new LineCounter();
  if (syntax === 'json_syntax') {
    try {
      JSON.parse(src.text);
    } catch (e) {
      // YAML would accept what JSON does not (trailing commas, comments): hold .json files to JSON.
      const at = /position (\d+)/.exec((e as Error).message);
      lc.addNewLine(0);
      for (let i = src.text.indexOf('\n'); i >= 0; i = src.text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
      const pos = lc.linePos(at ? Number(at[1]) : 0);
      out.issues.push({ file, line: pos.line, column: pos.col, path: [], code: syntax, message: (e as Error).message.split('\n')[0]! });
      return;
    }
  }
  // Warnings become issues rather than process warnings: a library does not write to the console.
  const doc = parseDocument(src.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  for (const w of doc.warnings) doc.errors.push(w);
  if (doc.errors.length) {
    const deep = doc.errors.find((e) => STACK.test(e.message));
    for (const e of deep ? [deep] : doc.errors) {
      const pos = lc.linePos(e.pos[0]);
      const code = deep ? 'too_deep' : (YAML_CODES[e.code] ?? syntax);
      const message = deep ? `the file nests deeper than the parser can follow; conditions may nest ${LIMITS.maxDepth} levels` : (e.message.split('\n')[0] ?? e.message);
      out.issues.push({ file, line: pos.line, column: pos.col, path: [], code, message });
    }
    return;
  }
  if (doc.contents === null) {
    out.issues.push({ file, line: 1, column: 1, path: [], code: 'empty_file', message: 'the file holds no rule' });
    return;
  }
  const internal = MAY_NAME_INTERNALS.test(src.text) ? internalKeys(doc, lc) : [];
  if (internal.length) {
    for (const i of internal) out.issues.push({ file, ...i });
    return;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
  } catch (e) {
    const alias = /alias/i.test((e as Error).message);
    let at: Located = {};
    if (alias) visit(doc, { Alias: (_k, n) => ((at = n.range ? { line: lc.linePos(n.range[0]).line, column: lc.linePos(n.range[0]).col } : {}), visit.BREAK) });
    out.issues.push({ file, ...at, path: [], code: alias ? 'alias_limit' : syntax, message: alias ? `aliases expand beyond ${LIMITS.maxAliases} copies` : (e as Error).message });
    return;
  }
  const deepAt = tooDeep(data, LIMITS.maxDocumentDepth);
  if (deepAt) {
    out.issues.push({ file, ...locate(doc, lc, deepAt), path: deepAt, code: 'too_deep', message: `the rule nests deeper than ${LIMITS.maxDocumentDepth} levels` });
    return;
  }
  const kind = docKind.pick?.(data) ?? docKind;
  const r = kind.schema.safeParse(data);
  if (!r.success) {
    for (const i of zodIssues(r.error, data)) {
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
  // Positions are found only for what is reported.
  out.at.set(item, (path) => locate(doc, lc, path));
}

/**
 * Parses and validates documents of one kind (YAML or JSON), one a source. Throws one
 * `PolicyValidationError` listing every problem in every file, each with file, line and column.
 */
export function parseDocuments<T extends { id: string; file?: string | undefined }>(sources: readonly PolicySource[], kind: DocumentKind<T>): T[] {
  const out = collect(sources, kind);
  if (out.issues.length) throw new PolicyValidationError(out.issues);
  return out.items;
}

function collect<T extends { id: string; file?: string | undefined }>(sources: readonly PolicySource[], kind: DocumentKind<T>): Parsed<T> {
  const out: Parsed<T> = { items: [], issues: [], at: new Map() };
  for (const src of sources) parseOne(src, kind, out);
  const first = new Map<string, T>();
  for (const p of out.items) {
    const prev = first.get(p.id);
    if (prev) out.issues.push({ file: p.file, ...out.at.get(p)?.(['id']), path: ['id'], code: 'duplicate_id', message: `id "${p.id}" is also used in ${prev.file}` });
    else first.set(p.id, p);
  }
  return out;
}

const POLICY_KIND: DocumentKind<Policy> = { schema: PolicySchema as unknown as z.ZodType<Omit<Policy, 'file'>>, check: (p) => checkPolicy(p as Policy) };
const OVERLAY_KIND: DocumentKind<PolicyOverlay> = { schema: OverlaySchema as unknown as z.ZodType<Omit<PolicyOverlay, 'file'>>, check: checkOverlay };
/** Policies, and overlay files (those with `overlays:`) among them. */
const RULE_KIND = { ...POLICY_KIND, pick: (data: unknown) => (isOverlayDocument(data) ? OVERLAY_KIND : undefined) } as unknown as DocumentKind<Policy | PolicyOverlay>;
const isOverlay = (x: Policy | PolicyOverlay): x is PolicyOverlay => typeof x.overlays === 'string';

/** Parses overlay files alone, without linking them to their policies (lint reads files one by one). */
export function parseOverlays(sources: readonly PolicySource[]): PolicyOverlay[] {
  return parseDocuments(sources, OVERLAY_KIND);
}

/**
 * Parses and validates rule files (YAML or JSON). Overlay files among them (`overlays: <policy id>`)
 * are attached to the policy they name (`policy.overlays`) rather than returned. Throws one
 * `PolicyValidationError` listing every problem in every file, each with file, line and column.
 *
 * @example
 * const policies = parsePolicies([{ name: 'loan.yaml', text: yamlText }]);
 */
export function parsePolicies(sources: readonly PolicySource[]): Policy[] {
  const out = collect(sources, RULE_KIND);
  const policies = out.items.filter((x): x is Policy => !isOverlay(x));
  const linked = linkOverlays(policies, out.items.filter(isOverlay));
  for (const { overlay, ...i } of linked.issues) out.issues.push({ file: overlay.file, ...out.at.get(overlay)?.(i.path), ...i });
  if (out.issues.length) throw new PolicyValidationError(out.issues);
  return linked.policies;
}
