import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/rules.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: process.stdin, isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const rules = join(ROOT, 'rules');
const seed = (name: string) => join(ROOT, 'fixtures', 'profiles', 'seed', `${name}.json`);
const officers = join(ROOT, 'fixtures', 'officers.json');

describe('guiyan projects', () => {
  it('prints 黄立兴\u2019s projects, the policies that fund them, and his service officer', async () => {
    const { code, out } = await run('projects', seed('huang-lixing'), '--rules', rules, '--officers', officers);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.find((l) => l.startsWith('江州区设施蔬菜产业园大棚承租*'))).toMatch(/适合\s+0\.95\s+10万元–50万元\s+个人创业担保贷款（待确认）.*行业对口，本区县/);
    expect(lines.find((l) => l.startsWith('江州区蔬菜集约化育苗中心*'))).toContain('待答：拖欠工资或社保等严重失信记录');
    expect(out).toContain('服务专员：蓝晓梅负责江州区的蔬菜、设施农业');
    expect(out).toContain('* 示例项目，非真实项目信息');
  });

  it('prints 尹泽宝\u2019s in English, the cold-chain centre and the aquaculture base tied first', async () => {
    const { code, out } = await run('projects', seed('yin-zebao'), '--rules', rules, '--officers', officers, '--locale', 'en', '--limit', '2');
    expect(code).toBe(0);
    const rows = out.split('\n').filter((l) => l.endsWith('in your county') || l.includes('in your county;'));
    expect(rows.map((l) => l.split('*')[0])).toEqual(['Kaizhou fish cold-chain processing centre', 'Houba recirculating aquaculture base']);
    expect(out).toContain('Service officer: 冉小琴 covers Kaizhou District and aquaculture');
    expect(out).not.toMatch(/1389601/);
  });

  it('gives JSON with scores, breakdowns, funding and the officer', async () => {
    const { out } = await run('projects', seed('yin-zebao'), '--rules', rules, '--officers', officers, '--json', '--limit', '1');
    const [r] = JSON.parse(out);
    expect(r).toMatchObject({ profileId: 'seed-yin-zebao', asOf: '2026-06-01', officer: { officerId: 'kz-ran-xiaoqin' } });
    expect(r.projects[0]).toMatchObject({ projectId: 'kz-fish-cold-chain', status: 'eligible', score: 1, fundingPolicies: expect.arrayContaining(['cn-guarantee-loan-enterprise']) });
  });

  it('explains its usage', async () => {
    expect((await run('projects', '--help')).out).toContain('guiyan projects <profile.json');
    expect((await run('projects')).code).toBe(2);
    expect((await run('projects', seed('yin-zebao'), '--limit', '0', '--rules', rules)).err).toContain('--limit');
  });
});
