/**
 * The little a store needs of a SQL connection, so one store serves SQLite and PostgreSQL.
 * Statements use `?` placeholders; the PostgreSQL driver numbers them.
 */
export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs one statement for each row of params, in the caller's transaction. */
  runMany(sql: string, rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Runs statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction that takes the write lock at its start (SQLite `BEGIN IMMEDIATE`),
   * committed when `fn` resolves, rolled back when it throws.
   */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQL for "column is one of these ids", and the one parameter that carries them. */
export function inList(db: Db, column: string, ids: readonly (string | number)[], type: 'text' | 'bigint' = 'text'): { sql: string; param: unknown } {
  return db.dialect === 'sqlite'
    ? { sql: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(ids) }
    : { sql: `${column} = ANY(?::${type}[])`, param: ids };
}

/** Raised when a database driver is not installed: says which package to install. */
export class MissingDriverError extends Error {
  override name = 'MissingDriverError';
  constructor(readonly packageName: string, what: string) {
    super(`${what} needs the ${packageName.replace(/(?!^)@.*$/, '')} package, which is not installed: npm install ${packageName}`);
  }
}

/** Loads an optional driver; a missing one becomes a MissingDriverError naming the install command. */
export async function loadDriver<T>(load: () => Promise<T>, packageName: string, what: string): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingDriverError(packageName, what);
    throw e;
  }
}
