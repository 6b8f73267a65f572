/**
 * `npm run bench:memory`: streams 1M generated profiles (30% with missing answers) through
 * validation and verdict-mode screening without keeping them, sampling the resident set size.
 * Ends with one JSON line.
 */
import { createMatcher, parsePolicies } from '../../src/index.js';
import { T, U } from '../../src/core/tri.js';
import { engineOf } from '../../src/matcher/create.js';
import { AS_OF, buildWorkload, completeProfile, prng, withMissing } from './workload.js';

const TOTAL = Number(process.env.BENCH_STREAM ?? 1_000_000);
const matcher = createMatcher(parsePolicies(buildWorkload(200).sources));
const core = engineOf(matcher);
const day = core.day(AS_OF);

function* generated(n: number): Generator<unknown> {
  const rng = prng(3);
  for (let i = 0; i < n; i++) {
    const p = completeProfile(rng, i);
    yield rng() < 0.3 ? withMissing(rng, p, 0.3) : p;
  }
}

const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const baseline = process.memoryUsage().rss;
let peak = baseline;
let eligible = 0;
let unknown = 0;
let asked = 0;
const t0 = performance.now();
let i = 0;
for (const raw of generated(TOTAL)) {
  core.verdicts(core.parse(raw), day, (cp, t, f, p) => {
    if (t === T) eligible++;
    else if (t === U) {
      unknown++;
      asked += core.missingOf(cp, f, p).length;
    }
  });
  if (++i % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
peak = Math.max(peak, process.memoryUsage().rss);
const ms = performance.now() - t0;
process.stderr.write(`streamed ${TOTAL} profiles × ${matcher.policies.length} policies in ${(ms / 1000).toFixed(1)} s: ${eligible} eligible, ${unknown} unknown (${asked} questions); rss ${mb(baseline)} MB at start, ${mb(peak)} MB peak\n`);
console.log(JSON.stringify({ streamProfiles: TOTAL, streamPeakRssMb: mb(peak), streamStartRssMb: mb(baseline), streamMs: Math.round(ms) }));
