/**
 * Long fuzz run: generated rule sets, each against many generated profiles (valid ones, corrupted
 * ones and random JSON). A crash is any throw from a valid profile, or anything but
 * ProfileValidationError from an invalid one. Usage: npm run fuzz [-- PROFILES [SEED]]
 */
import fc from 'fast-check';
import { ProfileValidationError } from '../src/index.js';
import { asOfArb, policiesArb, profileArb } from '../test/helpers/gen.js';
import { matcherOf } from '../test/properties/engine.js';

const total = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 20260601);
const PER_SET = 2000;

const invalidArb = fc.oneof(
  fc.anything(),
  profileArb.map((p) => ({ ...p, business: { employees: -1 } })),
  profileArb.map((p) => ({ ...p, birthDate: '2023-02-30' })),
  profileArb.map((p) => ({ ...p, land: { transferredMu: Number.NaN } })),
  profileArb.map((p) => ({ ...p, extra: { blob: 'x'.repeat(70_000) } })),
);

let profiles = 0;
let crashes = 0;
const started = Date.now();
for (let set = 0; profiles < total; set++) {
  const [policies] = fc.sample(policiesArb, { numRuns: 1, seed: seed + set });
  const [asOf] = fc.sample(asOfArb, { numRuns: 1, seed: seed - set });
  const m = matcherOf(policies!);
  const n = Math.min(PER_SET, total - profiles);
  const valid = fc.sample(profileArb, { numRuns: Math.ceil(n * 0.9), seed: seed * 7 + set });
  const invalid = fc.sample(invalidArb, { numRuns: n - valid.length, seed: seed * 13 + set });
  const locale = set % 2 ? 'en' : 'zh-CN';
  for (const p of valid) {
    try {
      m.evaluate(p, { asOf, locale });
    } catch (e) {
      if (crashes++ < 5) console.error('crash on a valid profile:', (e as Error).message, JSON.stringify({ policies, profile: p }).slice(0, 2000));
    }
  }
  for (const p of invalid) {
    try {
      m.evaluate(p, { asOf, locale });
    } catch (e) {
      if (!(e instanceof ProfileValidationError) && crashes++ < 5) console.error('crash on an invalid profile:', (e as Error).message);
    }
  }
  profiles += n;
  if (set % 50 === 0) process.stderr.write(`\r${profiles} profiles…`);
}
process.stderr.write('\n');
console.log(`${profiles} profiles, ${crashes} crashes (${Math.round((Date.now() - started) / 1000)} s, seed ${seed})`);
process.exitCode = crashes ? 1 : 0;
