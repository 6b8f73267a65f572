// Wall times of evaluateFile on one thread and on a warm pool: medians of 3.
// npx tsx test/node/time-file.ts .tmp/people.jsonl [threads]
import { createMatcher, parsePolicies } from '../../src/index.js';
import { createParallelMatcher, evaluateFile, readPolicySources } from '../../src/node/index.js';

const [path = '.tmp/people.jsonl', threadArg = '2'] = process.argv.slice(2);
const sources = await readPolicySources('rules');
const matcher = createMatcher(parsePolicies(sources));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Process CPU time counts every thread: it shows what the pool costs beyond one thread, whatever else shares the cores.
const cpu: number[] = [];
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  const c = process.cpuUsage();
  await f();
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  return performance.now() - t;
};

const single: number[] = [];
for (let i = 0; i < 3; i++) single.push(await time(() => evaluateFile(matcher, path, { asOf: '2026-06-01' })));
const started = performance.now();
const pm = await createParallelMatcher(sources, { threads: Number(threadArg) });
await pm.evaluateFile(path, { asOf: '2026-06-01' }); // warms the workers: each compiles the rules once
const warmup = performance.now() - started;
const pool: number[] = [];
for (let i = 0; i < 3; i++) pool.push(await time(() => pm.evaluateFile(path, { asOf: '2026-06-01' })));
await pm.destroy();
const [singleCpu, poolCpu] = [cpu.slice(0, 3), cpu.slice(3)].map((xs) => Math.round(median(xs)));
const v = await evaluateFile(matcher, path, { asOf: '2026-06-01' });
console.log(JSON.stringify({ profiles: v.count, invalid: v.invalid.length, singleMs: single.map(Math.round), poolMs: pool.map(Math.round), singleMedianMs: Math.round(median(single)), poolMedianMs: Math.round(median(pool)), singleCpuMs: singleCpu, poolCpuMs: poolCpu, poolStartAndFirstRunMs: Math.round(warmup), threads: Number(threadArg) }));
