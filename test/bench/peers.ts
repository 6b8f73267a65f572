import jsonLogic from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import type { Derived, P } from './shapes.js';
import type { Rule } from './workload.js';

/** Each peer answers: which of the rules does this profile meet? (one boolean per rule, in order) */
export interface Peer {
  name: string;
  verdicts(p: P, d: Derived): boolean[] | Promise<boolean[]>;
}

/** The data object peers read: the profile plus the derived date measures under `d`. */
const dataOf = (p: P, d: Derived) => ({ ...p, d });

export function handWritten(rules: readonly Rule[]): Peer {
  const fns = rules.map((r) => r.hand);
  return {
    name: 'hand-written JS',
    verdicts: (p, d) => {
      const out = new Array<boolean>(fns.length);
      for (let i = 0; i < fns.length; i++) out[i] = fns[i]!(p, d);
      return out;
    },
  };
}

export function jsonLogicPeer(rules: readonly Rule[]): Peer {
  const logic = rules.map((r) => r.logic);
  return {
    name: 'json-logic-js',
    verdicts: (p, d) => {
      const data = dataOf(p, d);
      return logic.map((l) => jsonLogic.truthy(jsonLogic.apply(l, data)));
    },
  };
}

/** json-rules-engine with a plain dot-path resolver (no JSONPath) and a prefix operator for regions. */
export function jsonRulesEnginePeer(rules: readonly Rule[]): Peer {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: (value: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), value),
  });
  engine.addOperator('startsWith', (a: unknown, b: unknown) => typeof a === 'string' && a.startsWith(b as string));
  const index = new Map<string, number>();
  rules.forEach((r, i) => {
    index.set(r.id, i);
    engine.addRule({ name: r.id, conditions: r.jre as never, event: { type: r.id } });
  });
  return {
    name: 'json-rules-engine',
    async verdicts(p, d) {
      const { events } = await engine.run({ p: dataOf(p, d) });
      const out = new Array<boolean>(rules.length).fill(false);
      for (const e of events) out[index.get(e.type)!] = true;
      return out;
    },
  };
}

interface ZenDecision {
  evaluate(input: unknown): Promise<{ result: Record<string, unknown> }>;
}
interface ZenModule {
  ZenEngine: new () => { createDecision(jdm: unknown): ZenDecision; dispose(): void };
}

/**
 * ZEN: one decision graph whose expression node computes every rule at once (its fastest form).
 * Null when the optional peer is not installed (a native package: it does not install everywhere).
 */
export async function zenPeer(rules: readonly Rule[]): Promise<(Peer & { close(): void }) | null> {
  const name = '@gorules/zen-engine';
  let ZenEngine: ZenModule['ZenEngine'];
  try {
    ({ ZenEngine } = (await import(name)) as ZenModule);
  } catch {
    return null;
  }
  const jdm = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      { id: 'ex', type: 'expressionNode', name: 'Rules', position: { x: 200, y: 0 }, content: { expressions: rules.map((r, i) => ({ id: `e${i}`, key: `r${i}`, value: r.zen })) } },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'ex', type: 'edge' },
      { id: 'b', sourceId: 'ex', targetId: 'out', type: 'edge' },
    ],
  };
  const engine = new ZenEngine();
  const decision = engine.createDecision(jdm);
  return {
    name: '@gorules/zen-engine',
    async verdicts(p, d) {
      const { result } = await decision.evaluate(dataOf(p, d));
      return rules.map((_r, i) => result[`r${i}`] === true);
    },
    close: () => engine.dispose(),
  };
}

/**
 * publicodes (betagouv's rules language, the closest TypeScript rules engine) with each rule written
 * as its mechanisms (`toutes ces conditions`, `une de ces conditions`, comparisons). It has no lists
 * or string functions: the situation sets each list member and region prefix a rule reads as a
 * boolean input, the measures as numbers, and leaves out a measure the profile lacks.
 */
export async function publicodesPeer(rules: readonly Rule[]): Promise<Peer | null> {
  let Engine: new (rules: object, opts?: object) => { setSituation(s: object): unknown; evaluate(rule: string): { nodeValue: unknown } };
  try {
    ({ default: Engine } = (await import('publicodes')) as never);
  } catch {
    return null;
  }
  const text = JSON.stringify(rules.map((r) => r.pc));
  // Every input the formulas name (`p . groups . veteran`, `d . age`): a rule without a value.
  const inputs = [...new Set([...text.matchAll(/\b[pd] \.[^<>=!'"]*/g)].map((m) => m[0].trim()))];
  const model: Record<string, unknown> = { p: null, d: null, 'p . groups': null, 'p . industry': null, 'p . needs': null, 'p . region': null, 'p . hukou': null, rules: null };
  for (const name of inputs) model[name] = null;
  rules.forEach((r, i) => (model[`rules . r${i}`] = r.pc));
  const engine = new Engine(model, { logger: { log() {}, warn() {}, error() {} } });
  const yes = (b: boolean) => (b ? 'oui' : 'non');
  const scalar: Record<string, (p: P, d: Derived) => unknown> = {
    'd . age': (_p, d) => d.age,
    'd . working age at registration': (_p, d) => yes(d.regWorkingAge === true),
    'd . registered months': (_p, d) => d.regMonths,
    'd . registered days': (_p, d) => d.regDays,
    'd . unemployed months': (_p, d) => d.unempMonths,
    'd . graduation years': (_p, d) => d.gradYears,
    'd . return months': (_p, d) => d.returnMonths,
    // publicodes numbers are finite: x/0 (hires with no staff) is the largest one, above every threshold as Infinity is.
    'd . hire ratio': (_p, d) => (d.hireRatio === Number.POSITIVE_INFINITY ? Number.MAX_VALUE : d.hireRatio),
    'p . form': (p) => `'${p.business.form}'`,
    'p . employees': (p) => p.business.employees,
    'p . new hires': (p) => p.business.newHiresFromGroups,
    'p . land mu': (p) => p.land.transferredMu,
    'p . contract years': (p) => p.land.contractYears,
    'p . wage arrears': (p) => yes(p.business.wageArrears),
    'p . other loans': (p) => yes(p.hasOtherLoans),
  };
  const member = (list: string, value: string) => (p: P): boolean =>
    list === 'groups' ? p.groups.includes(value) : list === 'industry' ? p.business.industry.includes(value) : list === 'needs' ? p.needs.includes(value) : list === 'region' ? p.regionCode.startsWith(value.slice(1)) : p.hukouRegionCode.startsWith(value.slice(1));
  const readers = inputs.map((name): [string, (p: P, d: Derived) => unknown] => {
    if (scalar[name]) return [name, scalar[name]!];
    const m = /^p \. (groups|industry|needs|region|hukou) \. (.+)$/.exec(name);
    if (!m) throw new Error(`publicodes peer: no value for ${name}`);
    const has = member(m[1]!, m[1] === 'region' || m[1] === 'hukou' ? m[2]! : m[2]!.replace(/ /g, '-'));
    return [name, (p) => yes(has(p))];
  });
  const names = rules.map((_r, i) => `rules . r${i}`);
  return {
    name: 'publicodes',
    verdicts(p, d) {
      const situation: Record<string, unknown> = {};
      for (const [name, read] of readers) {
        const v = read(p, d);
        if (v !== null && v !== undefined) situation[name] = v;
      }
      engine.setSituation(situation);
      return names.map((n) => engine.evaluate(n).nodeValue === true);
    },
  };
}
