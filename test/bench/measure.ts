import { Bench } from 'tinybench';

/** One benchmark task: a pass over `perPass` profiles against every policy. */
export interface Task {
  name: string;
  perPass: number;
  fn: () => unknown;
  note?: string;
  /** Passes per round. */
  iterations: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Runs every task once per round, round after round, and keeps the median of the per-round
 * medians: on a machine shared with other work, load drifts, and interleaving spreads it over
 * all engines instead of penalising whichever ran during a busy spell.
 */
export async function measure(tasks: readonly Task[], rounds: number, log: (s: string) => void): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of tasks) {
      const bench = new Bench({ iterations: t.iterations, time: 0, warmupIterations: 1, warmupTime: 0 });
      bench.add(t.name, t.fn as () => void);
      await bench.run();
      const res = bench.tasks[0]!.result;
      if (res.state !== 'completed') throw new Error(`${t.name}: ${res.state}`);
      samples.get(t.name)!.push(res.latency.p50);
    }
    log(`round ${r + 1}/${rounds} done`);
  }
  return new Map([...samples].map(([name, ms]) => [name, median(ms)]));
}
