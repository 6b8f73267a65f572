import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, UsageError } from './args.js';

/** Temp files sit beside their target (so the final rename stays on one file system), named so a later run can find them. */
const TEMP_MARK = '.guiyan-';
export const tempOf = (path: string) => `${path}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`;

/** An output error as one line: the file and what went wrong (by the system's error code), not a stack. */
export class OutputError extends CliError {
  override name = 'OutputError';
  constructor(path: string, cause: unknown) {
    const e = cause as NodeJS.ErrnoException;
    super((u) => u.cannotWrite(path, (e?.code && Object.hasOwn(u.writeWhy, e.code) ? u.writeWhy[e.code] : undefined) ?? e?.message ?? String(cause)));
  }
}

/**
 * Refuses an output path that names one of the inputs (it would be overwritten before it is read
 * whole) or anything but a regular file (a device such as /dev/full would be replaced by a file).
 */
export async function checkOutPath(out: string, inputs: readonly (string | undefined)[]): Promise<void> {
  const st = await stat(out).catch(() => undefined);
  if (st && !st.isFile()) throw new UsageError((u) => u.outNotFile(out));
  for (const input of inputs) {
    if (!input) continue;
    if (resolve(input) === resolve(out)) throw new UsageError((u) => u.outIsInput(out));
    const other = await stat(input).catch(() => undefined);
    if (st && other && st.dev === other.dev && st.ino === other.ino) throw new UsageError((u) => u.outSameAs(out, input));
  }
}

/** Removes temp files a killed run left beside `path` (they may hold phone numbers). */
export async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `${basename(path)}${TEMP_MARK}`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dir, n)).catch(() => {})));
}

async function syncDir(path: string): Promise<void> {
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().finally(() => dir.close());
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * Writes `chunks` to a temp file, fsyncs it and renames it over `path`: a crash at any point leaves
 * either the old file or the new one whole, never a mix. Any failure removes the temp file and
 * becomes one OutputError. `beforeRename` runs once the data is on disk (crash testing).
 */
export async function writeFileAtomic(path: string, chunks: Iterable<string> | AsyncIterable<string>, hooks: { beforeRename?: () => void } = {}): Promise<void> {
  const tmp = tempOf(path);
  let fh;
  try {
    fh = await open(tmp, 'w', 0o600);
  } catch (e) {
    throw new OutputError(path, e);
  }
  try {
    let buf = '';
    for await (const c of chunks) {
      buf += c;
      // Small pieces: strings past V8's large-object size live in the old heap until a full collection.
      if (buf.length >= 1 << 15) await fh.write(buf), (buf = '');
    }
    if (buf) await fh.write(buf);
    await fh.sync();
    await fh.close();
    fh = undefined;
    hooks.beforeRename?.();
    await rename(tmp, path);
  } catch (e) {
    await fh?.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e instanceof OutputError ? e : new OutputError(path, e);
  }
  await syncDir(path);
}
