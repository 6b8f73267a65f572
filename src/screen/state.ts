import type { ScreenState } from './types.js';

/**
 * A state with nothing screened yet. Its maps have no prototype, so a person whose id is
 * `__proto__` or `constructor` is just another key.
 */
export const emptyState = (): ScreenState => ({ version: 1, rules: Object.create(null) as ScreenState['rules'], profiles: Object.create(null) as ScreenState['profiles'] });

/** A record's own value for `key`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Checks that a stored value is a screening state this version can read. */
export function checkState(value: unknown): ScreenState {
  const s = value as Partial<ScreenState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.profiles !== 'object' || s.profiles === null || typeof s.rules !== 'object') {
    throw new TypeError('not a screening state (expected { version: 1, rules, profiles })');
  }
  return s as ScreenState;
}
