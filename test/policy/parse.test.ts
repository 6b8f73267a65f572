import { describe, expect, it } from 'vitest';
import { parsePolicies } from '../../src/index.js';
import { issuesOf as issuesOfParse } from '../helpers/rules.js';

const base = (id: string, extra = '') => `id: ${id}
kind: subsidy
title: { zh-CN: 测试 }
source: { title: 测试文件 }
sample: true
eligibility: { op: eq, field: hasOtherLoans, value: false }
${extra}`;

const issuesOf = (sources: { name: string; text: string }[]) => issuesOfParse(parsePolicies, sources);

describe('parsePolicies', () => {
  it('accepts YAML and JSON alike', () => {
    const json = JSON.stringify({ id: 'json-rule', kind: 'training', title: { 'zh-CN': '培训' }, source: { title: 'x' }, eligibility: { op: 'all', of: [] } });
    const ps = parsePolicies([{ name: 'a.yaml', text: base('yaml-rule') }, { name: 'b.json', text: json }]);
    expect(ps.map((p) => [p.id, p.file, p.regions, p.validFrom])).toEqual([
      ['yaml-rule', 'a.yaml', [], null],
      ['json-rule', 'b.json', [], null],
    ]);
  });

  it('reports every problem in every file at once, each with file, line and column', () => {
    const issues = issuesOf([
      { name: 'syntax.yaml', text: 'id: [unclosed\nkind: subsidy' },
      { name: 'field.yaml', text: base('bad-field').replace('hasOtherLoans', 'hasOtherLoan') },
      { name: 'param.yaml', text: base('bad-param').replace('value: false', 'value: { param: nope }') },
      { name: 'dup1.yaml', text: base('same-id') },
      { name: 'dup2.yaml', text: base('same-id') },
      { name: 'region.yaml', text: base('bad-region', 'regions: ["990100"]') },
      { name: 'window.yaml', text: base('bad-window', 'validFrom: 2025-01-01\nvalidTo: 2024-01-01') },
      { name: 'key.yaml', text: base('bad-key', 'colour: red') },
      { name: 'op.yaml', text: base('bad-op').replace('op: eq', 'op: equals') },
      { name: 'type.yaml', text: base('bad-type').replace('value: false', 'value: "yes"') },
      { name: 'date.yaml', text: base('bad-date', 'validFrom: 2023-02-30') },
    ]);
    const byFile = Object.fromEntries(issues.map((i) => [i.file, i]));
    expect(Object.keys(byFile).sort()).toEqual(['date.yaml', 'dup2.yaml', 'field.yaml', 'key.yaml', 'op.yaml', 'param.yaml', 'region.yaml', 'syntax.yaml', 'type.yaml', 'window.yaml']);
    expect(byFile['syntax.yaml']).toMatchObject({ code: 'yaml_syntax', line: expect.any(Number) });
    expect(byFile['field.yaml']).toMatchObject({ code: 'unknown_field', line: 6, path: ['eligibility', 'field'] });
    expect(byFile['field.yaml']!.message).toContain('did you mean "hasOtherLoans"');
    expect(byFile['param.yaml']).toMatchObject({ code: 'unknown_parameter', line: 6 });
    expect(byFile['dup2.yaml']).toMatchObject({ code: 'duplicate_id', line: 1, column: 5 });
    expect(byFile['region.yaml']).toMatchObject({ code: 'invalid_region', line: 7 });
    expect(byFile['window.yaml']).toMatchObject({ code: 'inverted_window', line: 8 });
    expect(byFile['key.yaml']).toMatchObject({ code: 'unrecognized_keys', line: 7, column: 1, path: ['colour'] });
    expect(byFile['op.yaml']).toMatchObject({ code: 'invalid_union', line: 6 });
    expect(byFile['type.yaml']).toMatchObject({ code: 'value_type', line: 6 });
    expect(byFile['date.yaml']).toMatchObject({ line: 7, path: ['validFrom'] });
  });

  it('rejects field paths that reach for the prototype', () => {
    for (const field of ['__proto__', 'constructor', 'business.__proto__', 'prototype']) {
      const issues = issuesOf([{ name: 'p.yaml', text: base('proto').replace('hasOtherLoans', field) }]);
      expect(issues[0]!.path).toEqual(['eligibility', 'field']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses rules that read personal data', () => {
    const issues = issuesOf([{ name: 'p.yaml', text: base('pii').replace('field: hasOtherLoans, value: false', 'field: contact.phone, value: "13800000000"') }]);
    expect(issues[0]).toMatchObject({ code: 'personal_field' });
    expect(issues.map((i) => i.message).join()).not.toContain('13800000000');
  });
});
