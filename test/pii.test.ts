import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { COMMANDS } from '../src/cli/commands/index.js';
import { maskPhone } from '../src/core/mask.js';
import { maskText, parsePolicies, PolicyValidationError, ProfileValidationError, safeParseProfile } from '../src/index.js';
import { loadFixtures, ROOT, rulesMatcher } from './helpers/rules.js';

const PHONE = '13812345678';
const ID = '530602199001011234';
const ID_X = '53060219900101123X';

/** Unmasked mobile numbers and ID numbers, however they are spaced. */
const MOBILE_RE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/;
const ID_RE = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/;
function leaks(text: string): string[] {
  const compact = text.replace(/[\s-]/g, '');
  const found: string[] = [];
  for (const re of [MOBILE_RE, ID_RE]) {
    const m = re.exec(text);
    if (m) found.push(m[0]);
  }
  for (const secret of [PHONE, ID, ID_X]) if (compact.includes(secret)) found.push(secret);
  if (found.length && process.env.GUIYAN_DEBUG_PII) for (const line of text.split('\n')) if (line.replace(/[\s-]/g, '').match(/\d{11}/)) console.log('LEAK', line.slice(0, 300));
  return found;
}

const fixtures = loadFixtures();
const withPii = fixtures.map((f, i) => ({
  ...f,
  profile: {
    ...f.profile,
    idNumber: i % 2 ? ID : ID_X,
    name: `${String(f.profile.name ?? '某人')} ${PHONE}`,
    contact: { phone: i % 3 === 0 ? `+86 138-1234-5678` : PHONE, smsConsent: true, wechat: `wx${PHONE}` },
    extra: { note: `call ${PHONE}, id ${ID}` },
  },
}));

const dir = mkdtempSync(join(tmpdir(), 'guiyan-pii-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

mkdirSync(join(dir, 'profiles'));
withPii.forEach((f, i) => writeFileSync(join(dir, 'profiles', `p${i}.json`), JSON.stringify({ asOf: f.asOf, profile: f.profile })));
const FILES = {
  dir: join(dir, 'profiles'),
  one: join(dir, 'profiles', 'p0.json'),
  jsonl: write('all.jsonl', withPii.map((f) => JSON.stringify(f.profile)).join('\n')),
  idAsPhone: write('id-phone.json', JSON.stringify({ ...withPii[0]!.profile, id: PHONE })),
  badPhone: write('bad-phone.json', JSON.stringify({ id: 'p', contact: { phone: `${PHONE}x` }, idNumber: `${ID}9` })),
  badKey: write('bad-key.json', JSON.stringify({ id: 'p', [PHONE]: true, business: { [ID]: 1 } })),
  badType: write('bad-type.json', JSON.stringify({ id: 'p', business: { employees: PHONE }, regionCode: ID, groups: [PHONE] })),
  badJson: write('bad.json', `{"id": "p", "contact": {"phone": "${PHONE}"}, oops }`),
  badJsonl: write('bad.jsonl', `{"id":"p","idNumber":"${ID}"}\n{"id": ${PHONE}${ID} }`),
};
const badRules = join(dir, 'bad-rules');
mkdirSync(badRules);
writeFileSync(
  join(badRules, 'pii.yaml'),
  `id: pii-rule\nkind: subsidy\ntitle: { zh-CN: 测试 }\nsource: { title: "${PHONE}" }\n"${PHONE}": 1\neligibility: { op: eq, field: contact.phone, value: "${PHONE}" }\n`,
);
writeFileSync(join(badRules, 'pii2.yaml'), `id: pii-two\n"${ID}": [\n`);

async function run(argv: string[]): Promise<string> {
  let out = '';
  const io = { stdout: (t: string) => void (out += `${t}\n`), stderr: (t: string) => void (out += `${t}\n`), stdin: Readable.from([]), isTTY: false };
  const code = await main(argv, io).catch((e: unknown) => ((out += `THROWN ${String(e)}\n`), -1));
  return `${out}exit ${code}\n`;
}

const rules = join(ROOT, 'rules');
const VARIANTS: string[][] = [['--help'], [], ...Object.values(FILES).map((f) => [f])];

describe('personal data never leaves whole', () => {
  it('maskText masks phones and ID numbers in every common spelling', () => {
    for (const s of [PHONE, '+86 138 1234 5678', '138-1234-5678', '+8613812345678', ID, ID_X, ID.toLowerCase()]) expect(leaks(maskText(`x ${s} y`))).toEqual([]);
    expect(maskText(PHONE)).toBe('138****5678');
    // Spellings that slip past a plain pattern: dots, single spaces, full-width digits and dashes.
    for (const [s, masked] of [
      ['138.1234.5678', '138****5678'],
      ['１３８１２３４５６７８', '138****5678'],
      ['138－1234－5678', '138****5678'],
      ['5306 0219 9001 0112 34', '5306**********1234'],
      ['５３０６０２１９９００１０１１２３Ｘ'.replace('Ｘ', 'X'), '5306**********123X'],
    ])
      expect(maskText(`id ${s} x`)).toBe(`id ${masked} x`);
    for (const keep of ['2026-06-01', 'r1-0000350', '1,500,000', '63600  36384  27216', 'abcdefghijklmnop']) expect(maskText(keep)).toBe(keep);
    expect(maskText(ID)).toBe('5306**********1234');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone(PHONE)).toBe('138****5678');
  });

  it.each(COMMANDS.map((c) => [c.name] as const))('guiyan %s prints no phone or ID number, in any locale, as text or JSON, on success or error', async (name) => {
    const outputs: string[] = [];
    for (const v of VARIANTS)
      for (const locale of ['zh-CN', 'en'])
        for (const json of [[], ['--json']]) {
          outputs.push(await run([name, ...v, '--rules', rules, '--as-of', '2026-06-01', '--locale', locale, ...json]));
          outputs.push(await run([name, ...v, '--rules', badRules, '--locale', locale, ...json]));
        }
    const all = outputs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(leaks(all)).toEqual([]);
  });

  it('unknown commands and bad options leak nothing', async () => {
    const all = (await Promise.all([run([PHONE]), run(['match', `--${PHONE}`]), run(['match', FILES.one, '--as-of', PHONE]), run(['match', FILES.one, '--locale', ID])])).join('\n');
    expect(leaks(all)).toEqual([]);
  });

  it('evaluate() reasons over every fixture, phone and ID filled, hold neither', () => {
    const m = rulesMatcher();
    for (const f of withPii)
      for (const locale of ['zh-CN', 'en'] as const) {
        const out = JSON.stringify([m.evaluate(f.profile, { asOf: f.asOf, locale }), m.evaluateMany([f.profile], { asOf: f.asOf, locale })]);
        expect(leaks(out), f.file).toEqual([]);
      }
  });

  it('errors carry no personal data in messages, paths or text', () => {
    const texts: string[] = [];
    for (const bad of [{ id: 'p', [PHONE]: 1 }, { id: 'p', contact: { phone: `${PHONE}x` } }, { id: 'p', business: { employees: PHONE } }, { id: ID, idNumber: `${ID}0` }]) {
      const r = safeParseProfile(bad);
      if (!r.success) texts.push(r.error.message, JSON.stringify(r.error.issues), String(r.error));
    }
    try {
      parsePolicies([{ name: 'a.yaml', text: `id: a-rule\n"${PHONE}": 1\n${ID}: 2\n` }]);
    } catch (e) {
      texts.push((e as PolicyValidationError).message, JSON.stringify((e as PolicyValidationError).issues));
    }
    expect(texts.length).toBeGreaterThan(3);
    expect(leaks(texts.join('\n'))).toEqual([]);
    expect(ProfileValidationError).toBeDefined();
  });
});
