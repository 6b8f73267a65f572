import { describe, expect, it } from 'vitest';
import { parseProjects } from '../../src/index.js';
import { issuesOf as issuesOfParse } from '../helpers/rules.js';

const base = (id: string, extra = '') => `id: ${id}
title: { zh-CN: 测试项目 }
sample: true
regions: ['451402']
capitalNeeded: { min: 100000, max: 300000 }
contact: { office: { zh-CN: 江州区返乡创业服务中心 } }
suits: { op: overlaps, field: groups, values: [college-graduate] }
${extra}`;

const issuesOf = (sources: { name: string; text: string }[]) => issuesOfParse(parseProjects, sources);

describe('parseProjects', () => {
  it('fills defaults and keeps the file name', () => {
    const [p] = parseProjects([{ name: 'p.yaml', text: base('test-project') }]);
    expect(p).toMatchObject({ id: 'test-project', file: 'p.yaml', industries: [], jobsCreated: 0, fundedBy: { kinds: [], tags: [], policies: [] }, validFrom: null });
  });

  it('reports every problem in every file at once, with file, line and column, in the policy language', () => {
    const issues = issuesOf([
      { name: 'field.yaml', text: base('bad-field').replace('field: groups', 'field: group') },
      { name: 'op.yaml', text: base('bad-op').replace('op: overlaps', 'op: overlap') },
      { name: 'region.yaml', text: base('bad-region').replace("'451402'", "'990100'") },
      { name: 'range.yaml', text: base('bad-range').replace('max: 300000', 'max: 1000') },
      { name: 'phone.yaml', text: base('bad-phone').replace('江州区返乡创业服务中心 }', '江州区返乡创业服务中心 }, phone: "138 0000 1234"') },
      { name: 'key.yaml', text: base('bad-key', 'colour: red') },
      { name: 'dup1.yaml', text: base('same-id') },
      { name: 'dup2.yaml', text: base('same-id') },
    ]);
    const byFile = Object.fromEntries(issues.map((i) => [i.file, i]));
    expect(Object.keys(byFile).sort()).toEqual(['dup2.yaml', 'field.yaml', 'key.yaml', 'op.yaml', 'phone.yaml', 'range.yaml', 'region.yaml']);
    expect(byFile['field.yaml']).toMatchObject({ code: 'unknown_field', line: 7, path: ['suits', 'field'] });
    expect(byFile['field.yaml']!.message).toContain('did you mean "groups"');
    expect(byFile['op.yaml']).toMatchObject({ code: 'invalid_union', line: 7 });
    expect(byFile['region.yaml']).toMatchObject({ code: 'invalid_region', line: 4, path: ['regions', 0] });
    expect(byFile['range.yaml']).toMatchObject({ code: 'inverted_range', line: 5, path: ['capitalNeeded', 'max'] });
    expect(byFile['phone.yaml']).toMatchObject({ code: 'personal_field', line: 6, path: ['contact', 'phone'] });
    expect(byFile['key.yaml']).toMatchObject({ code: 'unrecognized_keys', line: 8, column: 1 });
    expect(byFile['dup2.yaml']).toMatchObject({ code: 'duplicate_id', line: 1 });
    expect(issues.map((i) => i.message).join()).not.toContain('0000 1234');
  });

  it('refuses a mobile number hidden in the office name', () => {
    const issues = issuesOf([{ name: 'p.yaml', text: base('office-phone').replace('江州区返乡创业服务中心 }', '江州区返乡创业服务中心 找小王13800001234 }') }]);
    expect(issues[0]).toMatchObject({ code: 'personal_field', path: ['contact', 'office'] });
  });

  it('refuses `suits` conditions that read personal data', () => {
    const issues = issuesOf([{ name: 'p.yaml', text: base('pii').replace('op: overlaps, field: groups, values: [college-graduate]', 'op: present, field: contact.phone') }]);
    expect(issues[0]).toMatchObject({ code: 'personal_field', path: ['suits', 'field'] });
  });
});
