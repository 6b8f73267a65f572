import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/rules.js';

let built: Promise<string> | undefined;

/**
 * The command line compiled once into one file under node_modules/.cache (so its packages resolve):
 * tests that start many processes pay for loading plain JavaScript, not for transpiling TypeScript.
 */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const esbuild = await import('esbuild');
    const dir = join(ROOT, 'node_modules', '.cache', 'guiyan-test');
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, `cli-${process.pid}.mjs`);
    const entry = join(dir, `entry-${process.pid}.ts`);
    writeFileSync(entry, `export { main } from ${JSON.stringify(join(ROOT, 'src/cli/main.ts'))};\nexport { openStore } from ${JSON.stringify(join(ROOT, 'src/node/index.ts'))};\n`);
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'silent' });
    return outfile;
  })();
  return built;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `guiyan …` in a process of its own. */
export function guiyanProcess(argv: string[], env: Record<string, string> = {}): Promise<ChildResult> {
  // The bundle is not named cli.js, so main.ts would not run itself: import it and call main.
  return moduleProcess(`main(process.argv.slice(1), { stdout: (t) => process.stdout.write(t + '\\n'), stderr: (t) => process.stderr.write(t + '\\n'), stdin: process.stdin, isTTY: false }).then((c) => { process.exitCode = c; });`, argv, env);
}

/** Runs `body` (an ES module body that may use `main` and `openStore`) in a process of its own. */
export async function moduleProcess(body: string, argv: string[] = [], env: Record<string, string> = {}): Promise<ChildResult> {
  const cli = await cliBundle();
  return new Promise((resolve, reject) => {
    const code = `import { main, openStore } from ${JSON.stringify(cli)};\n${body}`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, ...argv], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
