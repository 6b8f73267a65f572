/** A cache a module keeps per matcher: its name, and how to start it empty for a matcher. */
export interface CacheSlot<T, Owner> {
  readonly name: string;
  create(owner: Owner): T;
}

/** Declares a per-matcher cache; the module that owns it says beside it what keys it and when it drops entries. */
export const cacheSlot = <T, Owner>(name: string, create: (owner: Owner) => T): CacheSlot<T, Owner> => ({ name, create });

/**
 * Every cache computed from one matcher's compiled catalogue, the engine's own and those of the
 * features built on it (ranking statics, question answers, the search index), in one place that
 * lives and dies with the matcher.
 *
 * Invalidation: a matcher's catalogue never changes after compilation, so nothing here is ever
 * stale; entries that depend on a day, a region or parameters are keyed by them, and each such
 * cache bounds its own size where it is declared. No cache is keyed on another module's objects.
 */
export class MatcherContext<Owner> {
  private readonly slots = new Map<CacheSlot<unknown, Owner>, unknown>();

  constructor(private readonly owner: Owner) {}

  /** The matcher's instance of `slot`, created on first use. */
  get<T>(slot: CacheSlot<T, Owner>): T {
    let v = this.slots.get(slot as CacheSlot<unknown, Owner>);
    if (v === undefined) {
      v = slot.create(this.owner);
      this.slots.set(slot as CacheSlot<unknown, Owner>, v);
    }
    return v as T;
  }
}
