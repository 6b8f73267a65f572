import { openStore, StoreInputError } from '../../store/open.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { wordsFor } from '../../core/catalogue/index.js';
import { readStateFile } from '../state-file.js';

export const storeCommand: Command = {
  name: 'store',
  async run(io) {
    const { values, positionals } = parse(io.argv, { store: { type: 'string' }, state: { type: 'string' } });
    if (values.help) return io.stdout(helpOf('store', values.locale)), 0;
    const w = wordsFor(localeOf(values.locale)).run;
    const [action] = positionals;
    if (action !== 'import' && action !== 'info') throw new UsageError((u) => u.withHelp(u.needsAction('import, info'), 'store'));
    if (!values.store) throw new UsageError((u) => u.needs('--store PATH|postgres://URL'));
    if (action === 'import' && !values.state) throw new UsageError((u) => u.needs('--state STATE.json'));
    const state = action === 'import' ? await readStateFile(values.state!) : undefined;
    if (action === 'import' && !state) throw new UsageError((u) => u.noSuchFile(values.state!));
    const store = await openStore(values.store);
    try {
      if (action === 'info') {
        const c = await store.counts();
        io.stdout(values.json ? JSON.stringify({ kind: store.kind, ...c }, null, 2) : w.storeInfo(store.kind, c.people, c.verdicts, c.outbox, c.untold, c.outcomes));
        return 0;
      }
      const lease = await store.acquire();
      try {
        const r = await store.importState(lease, state!);
        io.stdout(values.json ? JSON.stringify(r, null, 2) : w.imported(r.people, r.records, r.outcomes, store.kind));
      } catch (e) {
        // The one refusal of an import: the store is not new.
        if (e instanceof StoreInputError) throw new UsageError(/already holds/.test(e.message) ? (u) => u.storeNotEmpty : () => e.message);
        throw e;
      } finally {
        await lease.release();
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
