import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsParts } from '../../src/messages/sms.js';
import { policySources } from '../converse/helpers.js';
import { run } from '../recommend/run-cli.js';
import { ROOT } from '../helpers/rules.js';

/** The converse tests' rules (five national, two sample local) as a directory. */
function rulesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guiyan-chat-'));
  for (const s of policySources()) {
    mkdirSync(join(dir, s.name, '..'), { recursive: true });
    writeFileSync(join(dir, s.name), s.text);
  }
  return dir;
}

const rules = rulesDir();
const chat = (args: string[], lines: string[]) => run(['chat', '--rules', rules, '--as-of', '2026-06-01', ...args], lines.join('\n'));

describe('guiyan chat', () => {
  it('answers piped SMS lines one by one, each reply within one part (详情 within three)', async () => {
    const { code, out } = await chat(['--channel', 'sms', '--signature', '开州就业'], ['你好', '想贷款', '详情 2']);
    expect(code).toBe(0);
    expect(out).toContain('> 想贷款');
    const replies = out.split('\n').filter((l) => l.startsWith('【开州就业】'));
    expect(replies).toHaveLength(3);
    for (const r of replies.slice(0, 2)) expect(smsParts(r)).toBe(1);
    expect(smsParts(replies[2]!)).toBeLessThanOrEqual(3);
    expect(replies[1]).toContain('个人创业担保贷款');
    expect(replies[2]).toContain('财金〔2023〕75号');
  });

  it('hands a person to the covering officer with --officers', async () => {
    const { code, out } = await chat(['--channel', 'sms', '--officers', join(ROOT, 'fixtures', 'officers.json')], ['我在江州种茶', '转人工']);
    expect(code).toBe(0);
    expect(out).toContain('江州区返乡创业服务中心');
    expect(out).toContain('农建华');
  });

  it('sends nothing after 退订', async () => {
    const { out } = await chat(['--json'], ['退订', '你好', '想贷款']);
    const turns = out.split('\n').map((l) => JSON.parse(l));
    expect(turns.map((t) => t.reply === null)).toEqual([false, true, true]);
    expect(turns[0].reply).toContain('已退订');
  });

  it('talks English in a chat, with line breaks and lists', async () => {
    const { out } = await chat(['--channel', 'chat', '--locale', 'en'], ['hello', 'loan', 'more 2']);
    expect(out).toContain('What form does your business take?\n  1. individual business');
    expect(out).toContain('2. Start-up guarantee loan for individuals: up to CNY 300,000 (to confirm)');
    expect(out).toContain('Source: 财政部');
  });

  it('reaches a ranked answer from a pipe', async () => {
    const { out } = await chat(['--channel', 'chat'], ['你好', '1', '江州区', '21亩', '2024年3月5日', '不知道', '2,3', '不知道', '不知道', '2,1', '2021年7月1日', '不知道', '不知道']);
    // Four, not five: his groups and dates settle the key-groups tax relief as not his.
    expect(out).toContain('为您推荐4项');
    expect(out).toContain('1. 个体工商户个人所得税减半及“六税两费”减半征收（符合）');
  });

  it('masks a phone number typed into the chat', async () => {
    const { out } = await chat(['--json'], ['我的电话13847001234']);
    expect(out).not.toContain('13847001234');
  });

  it('refuses an unknown channel and a bad part cap', async () => {
    expect((await chat(['--channel', 'fax'], [])).code).toBe(2);
    expect((await chat(['--part-cap', '0'], [])).code).toBe(2);
  });
});
