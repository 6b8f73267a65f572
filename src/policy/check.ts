import { dayOf, isIsoDate } from '../core/dates.js';
import { OPERATORS } from '../ops/index.js';
import { fieldInfo, FIELDS } from '../profile/fields.js';
import { isRegionCode } from '../regions/codes.js';
import type { PolicyIssue } from './errors.js';
import { LIMITS, type Amount, type Condition, type Policy, type Value } from './schema.js';
import { factDomain, type Domain } from './terms.js';

type Issue = Omit<PolicyIssue, 'file' | 'line' | 'column'>;
type Path = (string | number)[];

const DATE_MEASURES = new Set(['age', 'days-since', 'months-since', 'calendar-months-since', 'calendar-years-since', 'months-to-retirement']);

/** Closest known field path, for a did-you-mean. */
export function suggestField(path: string): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(3, Math.floor(path.length / 3)) + 1;
  for (const known of FIELDS.keys()) {
    const d = editDistance(path.toLowerCase(), known.toLowerCase());
    if (d < bestD) [best, bestD] = [known, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const INTERNAL = new Set(['__proto__', 'constructor', 'prototype']);

function checkField(field: string, path: Path, issues: Issue[]): boolean {
  if (field.split('.').some((s) => INTERNAL.has(s))) {
    issues.push({ path, code: 'forbidden_path', message: `"${field}" names an object internal, not a profile field` });
    return false;
  }
  const info = fieldInfo(field);
  if (!info) {
    const hint = suggestField(field);
    issues.push({ path, code: 'unknown_field', message: `no profile field "${field}"${hint ? `; did you mean "${hint}"?` : ''}` });
    return false;
  }
  if (info.personal) {
    issues.push({ path, code: 'personal_field', message: `rules may not read personal data ("${field}")` });
    return false;
  }
  return true;
}

function checkValue(v: Value, domain: Domain, field: string, params: Set<string>, path: Path, issues: Issue[]): void {
  if (typeof v === 'object') {
    if (!params.has(v.param)) issues.push({ path: [...path, 'param'], code: 'unknown_parameter', message: `no parameter "${v.param}" in this policy's parameters` });
    else if (domain !== 'number') issues.push({ path, code: 'value_type', message: `parameters are numbers; "${field}" holds ${domain} values` });
    return;
  }
  const bad = (expected: string) => issues.push({ path, code: 'value_type', message: `"${field}" holds ${domain} values; expected ${expected}, got ${JSON.stringify(v)}` });
  switch (domain) {
    case 'number':
      if (typeof v !== 'number') bad('a number');
      return;
    case 'date':
      if (typeof v !== 'string' || !isIsoDate(v)) bad('a date as YYYY-MM-DD');
      return;
    case 'boolean':
      if (typeof v !== 'boolean') bad('true or false');
      return;
    case 'region':
      if (typeof v !== 'string' || !isRegionCode(v)) issues.push({ path, code: 'invalid_region', message: `"${String(v)}" is not a GB/T 2260 region code` });
      return;
    case 'choice':
    case 'choices': {
      const info = fieldInfo(field)!;
      if (typeof v !== 'string') bad('one of the field\u2019s values');
      else if (info.options && !info.openOptions && !info.options.some((o) => o.value === v))
        issues.push({ path, code: 'unknown_option', message: `"${v}" is not a value of "${field}" (${info.options.map((o) => o.value).join(', ')})` });
      return;
    }
    default:
      if (typeof v !== 'string') bad('text');
  }
}

function countConditions(c: Condition): number {
  if (c.op === 'all' || c.op === 'any') return c.of.reduce((n, x) => n + countConditions(x), 1);
  if (c.op === 'not') return 1 + countConditions(c.of);
  return 1;
}

function checkCondition(c: Condition, path: Path, params: Set<string>, depth: number, issues: Issue[]): void {
  if (depth > LIMITS.maxDepth) {
    issues.push({ path, code: 'too_deep', message: `conditions nest deeper than ${LIMITS.maxDepth} levels` });
    return;
  }
  if (c.op === 'all' || c.op === 'any') {
    c.of.forEach((child, i) => checkCondition(child, [...path, 'of', i], params, depth + 1, issues));
    return;
  }
  if (c.op === 'not') {
    checkCondition(c.of, [...path, 'of'], params, depth + 1, issues);
    return;
  }
  const fieldOk = checkField(c.field, [...path, 'field'], issues);
  const perOk = c.per === undefined || checkField(c.per, [...path, 'per'], issues);
  if (!fieldOk || !perOk) return;
  const info = fieldInfo(c.field)!;
  if (c.measure && DATE_MEASURES.has(c.measure) && info.kind !== 'date')
    issues.push({ path: [...path, 'measure'], code: 'operator_domain', message: `measure "${c.measure}" needs a date field; "${c.field}" is ${info.kind}` });
  if (c.measure === 'count' && info.kind !== 'choices' && info.kind !== 'strings')
    issues.push({ path: [...path, 'measure'], code: 'operator_domain', message: `measure "count" needs a list field; "${c.field}" is ${info.kind}` });
  if (c.per && (info.kind !== 'number' || fieldInfo(c.per)!.kind !== 'number'))
    issues.push({ path: [...path, 'per'], code: 'operator_domain', message: `a ratio needs two number fields` });
  if (c.per && c.measure) issues.push({ path: [...path, 'per'], code: 'operator_domain', message: 'use either "measure" or "per", not both' });
  const domain = factDomain(c)!;
  const op = OPERATORS.get(c.op)!;
  if (!op.domains.includes(domain)) {
    issues.push({ path: [...path, 'op'], code: 'operator_domain', message: `"${c.op}" does not apply to ${domain} values ("${c.field}")` });
    return;
  }
  for (const lit of op.literals(c)) checkValue(lit.value, domain, c.field, params, [...path, ...lit.path], issues);
  for (const issue of op.check?.(c) ?? []) issues.push({ ...issue, path: [...path, ...issue.path] });
}

/** The amount's numbers: literals and every dated value of a parameter, times its factor. */
function amountValues(v: Value, p: Policy): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v !== 'object') return [];
  return (Object.hasOwn(p.parameters, v.param) ? p.parameters[v.param]!.values : []).flatMap((x) => (x.value === null ? [] : [x.value * (v.times ?? 1)]));
}

/** Parameters read anywhere but as a per-unit cap: these must always have a figure. */
function paramsNeedingFigures(p: Policy): Set<string> {
  const out = new Set<string>();
  const val = (v: unknown) => {
    if (v !== null && typeof v === 'object' && 'param' in v) out.add((v as { param: string }).param);
  };
  const cond = (c: Condition): void => {
    if (c.op === 'all' || c.op === 'any') c.of.forEach(cond);
    else if (c.op === 'not') cond(c.of);
    else for (const k of ['value', 'min', 'max'] as const) val((c as Record<string, unknown>)[k]);
  };
  const amount = (a: Amount): void => {
    if (a.kind === 'fixed') val(a.value);
    else if (a.kind === 'range') [a.min, a.max].forEach(val);
    else if (a.kind === 'per-unit') val(a.rate);
    else if (a.kind === 'per-year') [a.perYear, a.years].forEach(val);
    else if (a.kind === 'sum') a.of.forEach(amount);
    else {
      a.options.forEach((o) => (cond(o.when), amount(o.amount)));
      if (a.otherwise) amount(a.otherwise);
    }
  };
  cond(p.eligibility);
  if (p.amount) amount(p.amount);
  return out;
}

function checkAmount(a: Amount, path: Path, p: Policy, issues: Issue[]): void {
  const params = new Set(Object.keys(p.parameters));
  const num = (v: Value, key: string) => {
    checkValue(v, 'number', 'amount', params, [...path, key], issues);
    if (amountValues(v, p).some((x) => x < 0)) issues.push({ path: [...path, key], code: 'negative_amount', message: 'amounts cannot be negative' });
  };
  switch (a.kind) {
    case 'fixed':
      return num(a.value, 'value');
    case 'range':
      num(a.min, 'min');
      num(a.max, 'max');
      if (typeof a.min === 'number' && typeof a.max === 'number' && a.min > a.max)
        issues.push({ path: [...path, 'max'], code: 'inverted_range', message: `max ${a.max} is below min ${a.min}` });
      return;
    case 'per-unit':
      num(a.rate, 'rate');
      if (a.cap !== undefined) num(a.cap, 'cap');
      if (checkField(a.quantity, [...path, 'quantity'], issues) && fieldInfo(a.quantity)!.kind !== 'number')
        issues.push({ path: [...path, 'quantity'], code: 'operator_domain', message: `quantity must be a number field; "${a.quantity}" is not` });
      return;
    case 'per-year':
      num(a.perYear, 'perYear');
      return num(a.years, 'years');
    case 'sum':
      a.of.forEach((x, i) => checkAmount(x, [...path, 'of', i], p, issues));
      return;
    case 'choose':
      a.options.forEach((o, i) => {
        checkCondition(o.when, [...path, 'options', i, 'when'], params, 1, issues);
        checkAmount(o.amount, [...path, 'options', i, 'amount'], p, issues);
      });
      if (a.otherwise) checkAmount(a.otherwise, [...path, 'otherwise'], p, issues);
  }
}

/** Regions and the validity window, shared by every kind of rule document. */
export function checkScope(p: { regions: readonly string[]; validFrom: string | null; validTo: string | null }): Issue[] {
  const issues: Issue[] = [];
  p.regions.forEach((r, i) => {
    if (!isRegionCode(r)) issues.push({ path: ['regions', i], code: 'invalid_region', message: `"${r}" is not a GB/T 2260 region code` });
  });
  if (p.validFrom && p.validTo && dayOf(p.validFrom) > dayOf(p.validTo))
    issues.push({ path: ['validTo'], code: 'inverted_window', message: `validTo ${p.validTo} is before validFrom ${p.validFrom}` });
  return issues;
}

/** A condition tree at `path`: its size, fields, operators against field types and parameters. */
export function checkConditionTree(c: Condition, path: Path, params: ReadonlySet<string> = new Set(), extraSize = 0): Issue[] {
  const issues: Issue[] = [];
  const size = countConditions(c) + extraSize;
  if (size > LIMITS.maxConditions) {
    issues.push({ path, code: 'too_many_conditions', message: `${size} conditions; a document holds at most ${LIMITS.maxConditions}` });
    return issues;
  }
  checkCondition(c, path, params as Set<string>, 1, issues);
  return issues;
}

/**
 * A parameter regions may set (`localRange`) takes its value from the person's region, so only the
 * amount may read it: a condition on it would make the verdict hang on the region.
 */
function checkLocalParams(p: Policy, issues: Issue[]): void {
  const local = new Set(Object.keys(p.parameters).filter((k) => p.parameters[k]!.localRange));
  for (const name of local) {
    const r = p.parameters[name]!.localRange!;
    if ((r.minTimes ?? 1) > r.maxTimes) issues.push({ path: ['parameters', name, 'localRange'], code: 'inverted_range', message: `minTimes ${r.minTimes ?? 1} is above maxTimes ${r.maxTimes}` });
  }
  if (!local.size) return;
  const walk = (x: unknown, path: Path, inCondition: boolean): void => {
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (inCondition && typeof o.param === 'string' && local.has(o.param)) {
      issues.push({ path, code: 'local_parameter_in_condition', message: `"${o.param}" is set by regions (localRange); only the amount may read it` });
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, [...path, Array.isArray(x) ? Number(k) : k], inCondition || k === 'when');
  };
  walk(p.eligibility, ['eligibility'], true);
  if (p.amount) walk(p.amount, ['amount'], false);
}

/** What the schema cannot see: fields, operators against field types, parameters, regions, windows. */
export function checkPolicy(p: Policy): Issue[] {
  const issues: Issue[] = checkScope(p);
  if (p.carryOver) {
    if (p.validTo === null) issues.push({ path: ['carryOver'], code: 'carry_without_end', message: 'carryOver needs a validTo to carry past' });
    if (checkField(p.carryOver.start, ['carryOver', 'start'], issues) && fieldInfo(p.carryOver.start)!.kind !== 'date')
      issues.push({ path: ['carryOver', 'start'], code: 'operator_domain', message: `carryOver.start must be a date field; "${p.carryOver.start}" is not` });
  }
  const params = new Set(Object.keys(p.parameters));
  for (const [path, url] of [[['source', 'url'], p.source.url], [['apply', 'url'], p.apply?.url]] as const)
    if (url !== undefined && !/^https?:\/\//i.test(url)) issues.push({ path: [...path], code: 'unsafe_url', message: 'links must start with http:// or https://' });
  for (const [name, param] of Object.entries(p.parameters)) {
    const days = param.values.map((v) => dayOf(v.from));
    if (new Set(days).size !== days.length) issues.push({ path: ['parameters', name, 'values'], code: 'duplicate_date', message: `parameter "${name}" has two values for one date` });
    if (param.values.some((v) => v.value === null) && paramsNeedingFigures(p).has(name))
      issues.push({ path: ['parameters', name, 'values'], code: 'unset_parameter', message: `parameter "${name}" has a step without a figure (null), so it can serve only as a per-unit cap` });
    const first = Math.min(...days);
    if (p.validFrom && first > dayOf(p.validFrom))
      issues.push({ path: ['parameters', name, 'values', 0, 'from'], code: 'parameter_gap', message: `parameter "${name}" has no value from ${p.validFrom}, when the policy starts` });
  }
  const amountSize = p.amount?.kind === 'choose' ? p.amount.options.reduce((n, o) => n + countConditions(o.when), 0) : 0;
  const tree = checkConditionTree(p.eligibility, ['eligibility'], params, amountSize);
  issues.push(...tree);
  if (tree.some((i) => i.code === 'too_many_conditions')) return issues;
  if (p.amount) checkAmount(p.amount, ['amount'], p, issues);
  checkLocalParams(p, issues);
  return issues;
}
