import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { understand, type Understanding } from '../../src/understand/index.js';

interface Case {
  text: string | number;
  expecting?: string;
  locale?: 'zh-CN' | 'en';
  intent: Understanding['intent'];
  facts?: Record<string, unknown>;
  topic?: string;
  term?: string;
  n?: number;
  dontKnow?: boolean;
}

const AS_OF = '2026-06-01';
const files = ['corpus-stop.yaml', 'corpus-answers.yaml', 'corpus-holdout.yaml', 'corpus-holdout-2.yaml'];
const cases: Case[] = files.flatMap((f) => parse(readFileSync(join(import.meta.dirname, f), 'utf8')) as Case[]);

/** What the corpus expects of one message, in the shape `understand` returns. */
function expected(c: Case) {
  return {
    intent: c.intent,
    facts: c.facts ?? {},
    ...(c.topic ? { topic: c.topic } : {}),
    ...(c.term ? { term: c.term } : {}),
    ...(c.n ? { n: c.n } : {}),
    ...(c.dontKnow ? { dontKnow: true } : {}),
  };
}

function actual(c: Case, u: Understanding) {
  return {
    intent: u.intent,
    facts: Object.fromEntries(u.facts.map((f) => [f.field, f.value])),
    ...(c.topic && u.topic ? { topic: u.topic } : {}),
    ...(c.term && u.term ? { term: u.term } : {}),
    ...(u.n ? { n: u.n } : {}),
    ...(u.dontKnow ? { dontKnow: true } : {}),
  };
}

const read = cases.map((c) => {
  const u = understand(String(c.text), { asOf: AS_OF, ...(c.expecting ? { expecting: c.expecting } : {}) });
  const ok = JSON.stringify(sortKeys(actual(c, u))) === JSON.stringify(sortKeys(expected(c)));
  return { c, u, ok };
});

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return x;
}

describe('the message corpus', () => {
  it('has at least 400 messages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
  });

  it('is read right at 97% or more', () => {
    const misses = read.filter((r) => !r.ok);
    const rate = 1 - misses.length / read.length;
    console.log(`understand: ${read.length - misses.length}/${read.length} read right (${(rate * 100).toFixed(1)}%)`);
    for (const m of misses) console.log(`  miss: ${JSON.stringify(m.c.text)}${m.c.expecting ? ` [${m.c.expecting}]` : ''} → ${JSON.stringify(actual(m.c, m.u))}, expected ${JSON.stringify(expected(m.c))}`);
    expect(rate).toBeGreaterThanOrEqual(0.97);
  });

  it('reads every stop and every request for a person, whatever else it misses', () => {
    const wrong = read.filter((r) => (r.c.intent === 'opt-out' || r.c.intent === 'human') && r.u.intent !== r.c.intent).map((r) => r.c.text);
    expect(wrong).toEqual([]);
  });

  it('never reads a stop into a message that does not ask to stop', () => {
    const wrong = read.filter((r) => r.c.intent !== 'opt-out' && r.u.intent === 'opt-out').map((r) => r.c.text);
    expect(wrong).toEqual([]);
  });

  it('never takes a question for an answer', () => {
    const wrong = read.filter((r) => r.c.intent === 'question' && r.u.intent === 'answer').map((r) => r.c.text);
    expect(wrong).toEqual([]);
  });
});
