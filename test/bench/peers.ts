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
