import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { SqlStore } from './store.js';
import type { ScreenStore } from './types.js';

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/**
 * Opens a screening store: a `postgres://` URL (add `?schema=NAME` for a schema other than
 * `guiyan`) or the path of a SQLite file, created when missing. The driver is loaded only now;
 * when it is not installed the error says what to install.
 * @example const store = await openStore('screening.db')
 */
export async function openStore(target: string): Promise<ScreenStore> {
  const db = isPostgresUrl(target) ? await openPostgres(target) : await openSqlite(target);
  try {
    return await SqlStore.on(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}

export { MissingDriverError } from './db.js';
export { StoreBusyError, StoreInputError } from './store.js';
export { MIN_RATINGS, type ScreenStore, type RunLease, type RunBatch, type OutcomeEntry, type ScoreRow } from './types.js';
export { SCHEMA_VERSION } from './schema.js';
