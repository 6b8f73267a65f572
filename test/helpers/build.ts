import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, ROOT } from './rules.js';

const newest = (dir: string): number => Math.max(...filesUnder(join(ROOT, dir), /\.ts$/).map((f) => statSync(f).mtimeMs));

/** Builds dist/ when it is missing or older than the sources, so a test always sees the current package. */
export function ensureBuilt(): void {
  const built = join(ROOT, 'dist', 'index.d.ts');
  if (existsSync(built) && statSync(built).mtimeMs >= newest('src')) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { cwd: ROOT, stdio: 'ignore', timeout: 240_000 });
}
