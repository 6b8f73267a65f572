import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** Runs the command line with captured output and the given standard input. */
export async function run(argv: string[], input = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: Readable.from([input]), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
