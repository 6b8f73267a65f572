/**
 * A seeded synthetic register of people working away from home, across the seed's five regions.
 * usage: npm run gen:register -- --count 100000 --seed 1 --out .tmp/people.jsonl [--as-of 2026-06-01] [--invalid 0.005]
 * Same seed, same file. Names, phone numbers and ids are made up.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { dayOf, formatDay } from '../src/core/dates.js';
import { prng } from './prng.js';


type Rng = () => number;
const chance = (r: Rng, p: number) => r() < p;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
function weighted<T>(r: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
}
/** Roughly bell-shaped integer in [lo, hi]. */
const bell = (r: Rng, lo: number, hi: number) => Math.round(lo + ((r() + r() + r()) / 3) * (hi - lo));

// Weights follow the counties' rough population of people working away.
const COUNTIES: readonly (readonly [string, number])[] = [
  ['530602', 6], ['530621', 5], ['530622', 5], ['530623', 3], ['530624', 3], ['530625', 4], ['530626', 1], ['530627', 12], ['530628', 5], ['530629', 4], ['530681', 1],
  ['152921', 2], ['152922', 0.3], ['152923', 0.3],
  ['500154', 14], ['500155', 6],
  ['451402', 3], ['451421', 3], ['451422', 2], ['451423', 2], ['451424', 2], ['451425', 2], ['451481', 1],
  ['610902', 6], ['610921', 2], ['610922', 1.5], ['610923', 0.5], ['610924', 2], ['610925', 1.5], ['610926', 1.5], ['610927', 0.5], ['610929', 1.5], ['610981', 3],
];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅林波春辉鑫堂雪婷立兴泽宝益海燕飞云松兵浩宇晨阳欣怡佳琪'];
const INDUSTRIES = ['tea', 'vegetables', 'greenhouse', 'fruit', 'aquaculture', 'livestock', 'farm-machinery', 'agri-processing', 'agritourism', 'e-commerce', 'catering', 'handicraft', 'manufacturing', 'logistics'];
const NEEDS = ['financing', 'tax', 'subsidy', 'land', 'site', 'training', 'talent', 'market'];
const PREFIXES = ['138', '139', '135', '136', '137', '150', '151', '152', '157', '158', '159', '182', '187', '188', '130', '131', '132', '155', '156', '186', '133', '153', '180', '181', '189', '177', '199'];

/** One made-up person of the register (exported for tests that need the same population in memory). */
export function person(r: Rng, i: number, seed: number, asOfDay: number): Record<string, unknown> {
  const dayAgo = (lo: number, hi: number) => formatDay(asOfDay - int(r, lo, hi));
  const region = weighted(r, COUNTIES);
  const age = bell(r, 19, 58);
  const p: Record<string, unknown> = { id: `r${seed}-${String(i).padStart(7, '0')}` };
  p.name = pick(r, SURNAMES) + pick(r, GIVEN) + (chance(r, 0.6) ? pick(r, GIVEN) : '');
  p.gender = chance(r, 0.62) ? 'male' : 'female';
  if (chance(r, 0.95)) p.birthDate = formatDay(asOfDay - age * 365 - int(r, 0, 364));
  p.regionCode = region;
  p.hukouRegionCode = chance(r, 0.88) ? region : weighted(r, COUNTIES);
  const groups: string[] = [];
  if (chance(r, 0.72)) groups.push('returning-migrant-worker');
  if (chance(r, 0.28)) groups.push('rural-self-employed');
  const graduate = age < 35 && chance(r, 0.3);
  if (graduate) groups.push('college-graduate');
  if (chance(r, 0.18)) groups.push('poverty-alleviated');
  if (chance(r, 0.05)) groups.push('veteran');
  const unemployed = chance(r, 0.08);
  if (unemployed) groups.push('registered-unemployed');
  if (chance(r, 0.1)) groups.push('online-merchant');
  if (chance(r, 0.02)) groups.push('disabled');
  if (chance(r, 0.03)) groups.push('employment-difficulty');
  if (unemployed && chance(r, 0.1)) groups.push('zero-employment-family');
  if (!chance(r, 0.08)) p.groups = groups; // some registers never asked
  if (graduate && chance(r, 0.85)) p.graduationDate = chance(r, 0.2) ? `${formatDay(asOfDay).slice(0, 4)}-06-30` : dayAgo(200, 4000).slice(0, 8) + '28';
  else if (!graduate && chance(r, 0.5)) p.graduationDate = null;
  if (unemployed && chance(r, 0.9)) p.unemployedSince = dayAgo(30, 900);
  else if (!unemployed && chance(r, 0.4)) p.unemployedSince = null;
  if (chance(r, 0.85)) p.returnDate = dayAgo(20, 3000);
  const loans = r();
  if (loans < 0.25) p.hasOtherLoans = true;
  else if (loans < 0.8) p.hasOtherLoans = false;
  if (chance(r, 0.65)) {
    const form = weighted(r, [['individual-business', 50], ['small-micro-enterprise', 15], ['cooperative', 14], ['family-farm', 15], ['other', 6]] as const);
    const employees = form === 'individual-business' ? int(r, 0, 6) : form === 'small-micro-enterprise' ? bell(r, 3, 150) : int(r, 2, 40);
    const b: Record<string, unknown> = { form, regionCode: region, industry: [pick(r, INDUSTRIES), ...(chance(r, 0.3) ? [pick(r, INDUSTRIES)] : [])].filter((v, k, a) => a.indexOf(v) === k) };
    if (chance(r, 0.9)) b.registeredAt = dayAgo(10, 2400);
    if (chance(r, 0.9)) b.employees = employees;
    if (form === 'small-micro-enterprise' || chance(r, 0.3)) {
      if (chance(r, 0.7)) b.newHiresFromGroups = int(r, 0, Math.ceil(employees / 3));
      const arrears = r();
      if (arrears < 0.03) b.wageArrears = true;
      else if (arrears < 0.9) b.wageArrears = false;
    }
    if (chance(r, 0.25)) b.partners = int(r, 1, 5);
    if (form === 'individual-business' && chance(r, 0.4)) b.vatTaxpayer = 'small-scale';
    p.business = b;
    if ((form === 'cooperative' || form === 'family-farm') && chance(r, 0.7)) p.land = { transferredMu: bell(r, 10, 3000), contractYears: int(r, 3, 20) };
  }
  if (chance(r, 0.8)) p.needs = [...new Set([pick(r, NEEDS), pick(r, NEEDS), ...(chance(r, 0.4) ? [pick(r, NEEDS)] : [])])];
  const contact: Record<string, unknown> = {};
  if (chance(r, 0.95)) contact.phone = pick(r, PREFIXES) + String(int(r, 0, 99_999_999)).padStart(8, '0');
  const consent = r();
  if (consent < 0.6) contact.smsConsent = true;
  else if (consent < 0.85) contact.smsConsent = false;
  if (chance(r, 0.3)) contact.wechat = `wx_${Math.floor(r() * 36 ** 8).toString(36)}`;
  if (chance(r, 0.01)) contact.locale = 'en';
  p.contact = contact;
  return p;
}

/** Rows a clerk might have typed wrong: each breaks the profile schema in one way. */
function spoil(r: Rng, p: Record<string, unknown>): Record<string, unknown> {
  switch (int(r, 0, 4)) {
    case 0: return { ...p, regionCode: '53062' };
    case 1: return { ...p, birthDate: '1990-02-30' };
    case 2: return { ...p, contact: { ...(p.contact as object), phone: 'tel:' + String((p.contact as { phone?: string }).phone ?? '') } };
    case 3: return { ...p, hometown: '镇雄' };
    default: return { ...p, groups: ['migrant'] };
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, 'as-of': { type: 'string', default: '2026-06-01' }, invalid: { type: 'string', default: '0.005' } } });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const invalid = Number(values.invalid);
  const asOfDay = dayOf(values['as-of']);
  if (!Number.isInteger(count) || count < 0 || !Number.isFinite(asOfDay)) throw new Error('usage: --count N --seed S --out FILE [--as-of YYYY-MM-DD]');
  const r = prng(seed);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  if (values.out) await mkdir(dirname(values.out), { recursive: true });
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    let p = person(r, i, seed, asOfDay);
    if (chance(r, invalid)) p = spoil(r, p);
    chunk += JSON.stringify(p) + '\n';
    if (chunk.length > 1 << 16 || i === count) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = '';
    }
  }
  if (values.out) await new Promise<void>((res, rej) => (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? rej(e) : res())));
}

/** `count` people with the generator's seed, valid ones only (no spoiled rows), in memory. */
export function people(count: number, seed: number, asOf: string): Record<string, unknown>[] {
  const r = prng(seed);
  const day = dayOf(asOf);
  return Array.from({ length: count }, (_, i) => person(r, i + 1, seed, day));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    process.stderr.write(`gen-register: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
