import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher, parsePolicies, type Matcher } from '../../src/index.js';
import { filesUnder, ROOT } from '../helpers/rules.js';

/** The national rules as sources, so a test can edit one. */
export const nationalSources = (): { name: string; text: string }[] =>
  filesUnder(join(ROOT, 'rules', 'national'), /\.ya?ml$/).map((f) => ({ name: f, text: readFileSync(f, 'utf8') }));

/** A sample local rule with an application deadline, for window-closing. */
export const LOCAL_SAMPLE = {
  name: 'kaizhou-sample.yaml',
  text: `
id: kaizhou-return-start-grant-sample
kind: subsidy
title: { zh-CN: 开州返乡创业一次性补贴（示例）, en: Kaizhou one-off start-up grant (sample) }
sample: true
source: { title: 示例规则，非正式文件 }
regions: ['500154']
validFrom: 2026-01-01
validTo: 2026-12-31
parameters:
  grant: { unit: CNY, values: [{ from: 2026-01-01, value: 5000 }] }
eligibility:
  op: all
  of:
    - { op: overlaps, field: groups, values: [returning-migrant-worker] }
    - { op: present, field: business.registeredAt }
amount: { kind: fixed, value: { param: grant } }
apply:
  until: 2026-06-30
  where: { zh-CN: 开州区人力社保局, en: Kaizhou human-resources office }
`,
};

export function matcherOf(sources = [...nationalSources(), LOCAL_SAMPLE]): Matcher {
  return createMatcher(parsePolicies(sources));
}

/** The committed register: 200 synthetic people, a few rows invalid on purpose. */
export function smallRegister(): Record<string, unknown>[] {
  return readFileSync(join(ROOT, 'fixtures', 'registers', 'small.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export async function* asAsync<T>(items: Iterable<T>): AsyncIterable<T> {
  for (const i of items) yield i;
}
