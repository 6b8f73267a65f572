import { describe, expect, it } from 'vitest';
import { parsePolicies, toSql } from '../../src/index.js';

const policy = (id: string, eligibility: unknown) => ({ name: `${id}.json`, text: JSON.stringify({ id, kind: 'subsidy', title: { 'zh-CN': id }, source: { title: 't' }, eligibility }) });

describe('toSql on a register with approximate answers', () => {
  const policies = parsePolicies([
    policy('p-staff', { op: 'gte', field: 'business.employees', value: 10 }),
    policy('p-share', { op: 'gte', field: 'business.newHiresFromGroups', per: 'business.employees', value: 0.1 }),
    policy('p-loans', { op: 'eq', field: 'hasOtherLoans', value: false }),
  ]);

  it.each(['duckdb', 'postgres', 'sqlite'] as const)('reports every policy reading a ranged field and compiles the rest (%s)', (dialect) => {
    const q = toSql(policies, { dialect, asOf: '2026-06-01', approximate: ['business.employees'] });
    expect(q.unsupported.map((u) => [u.policyId, u.code])).toEqual([
      ['p-staff', 'approximate'],
      ['p-share', 'approximate'],
    ]);
    expect(q.policies.map((p) => p.id)).toEqual(['p-loans']);
  });

  it('compiles them all when no field is answered approximately', () => {
    expect(toSql(policies, { dialect: 'duckdb', asOf: '2026-06-01' }).unsupported).toEqual([]);
  });
});
