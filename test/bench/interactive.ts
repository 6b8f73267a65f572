/**
 * Latency of the interactive calls, one person at a time: `matcher.recommend(profile, { asOf, limit: 10 })`
 * and `matcher.nextQuestion(profile, { asOf })` over the 200-policy workload. Each call is timed on
 * its own (wall clock, so on a loaded machine the tail also holds waits for a core).
 * Run alone: `npx tsx test/bench/interactive.ts`.
 */
import type { Matcher } from '../../src/index.js';

export interface Latency {
  name: string;
  calls: number;
  /** Wall time per call, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Process CPU time per call, ms. */
  cpuP50: number;
  cpuP99: number;
}

const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** Times `calls` calls of `fn` over `inputs` in turn, after `warmup` untimed calls. */
export function latency(name: string, inputs: readonly unknown[], fn: (x: unknown) => unknown, calls: number, warmup: number): Latency {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn(inputs[i % inputs.length]) ? 1 : 0;
  const cpu = new Float64Array(calls);
  const wall = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const x = inputs[(warmup + i) % inputs.length];
    const c = process.cpuUsage();
    const t = performance.now();
    sink += fn(x) ? 1 : 0;
    wall[i] = performance.now() - t;
    const d = process.cpuUsage(c);
    cpu[i] = (d.user + d.system) / 1000;
  }
  cpu.sort();
  wall.sort();
  if (sink === -1) console.log('');
  return { name, calls, p50: quantile(wall, 0.5), p99: quantile(wall, 0.99), max: wall[calls - 1]!, cpuP50: quantile(cpu, 0.5), cpuP99: quantile(cpu, 0.99) };
}

/** recommend (limit 10) and nextQuestion for varied profiles at `asOf`. */
export function interactive(matcher: Matcher, people: readonly unknown[], asOf: string, calls = 3000, warmup = 500): Latency[] {
  return [
    latency('matcher.recommend (limit 10)', people, (p) => matcher.recommend(p, { asOf, limit: 10 }).length, calls, warmup),
    latency('matcher.nextQuestion', people, (p) => matcher.nextQuestion(p, { asOf }), calls, warmup),
  ];
}

export const describeLatency = (l: Latency): string =>
  `${l.name}: ${l.calls} calls, wall p50 ${l.p50.toFixed(3)} ms, p99 ${l.p99.toFixed(3)} ms, max ${l.max.toFixed(1)} ms; CPU p50 ${l.cpuP50.toFixed(3)} ms, p99 ${l.cpuP99.toFixed(3)} ms`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { createMatcher, parsePolicies } = await import('../../src/index.js');
  const { AS_OF, buildWorkload, profiles } = await import('./workload.js');
  const matcher = createMatcher(parsePolicies(buildWorkload(200).sources));
  const people = profiles(2000, 5, 0.3);
  const calls = Number(process.env.BENCH_CALLS ?? 3000);
  for (const l of interactive(matcher, people, AS_OF, calls)) console.log(describeLatency(l));
}
