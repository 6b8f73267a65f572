import { openStore, StoreInputError } from '../../store/open.js';
import { COMMON_HELP, localeOf, parse, UsageError, type Command } from '../args.js';
import { wordsFor } from '../../core/catalogue/index.js';
import { readStateFile } from '../state-file.js';

const HELP = `guiyan store import --state STATE.json --store PATH|postgres://URL
guiyan store info --store PATH|postgres://URL [--json]

import  moves a JSON screening state (the --state file of earlier versions) into a new store:
        verdicts, what was told, follow-ups and outcomes. The store must hold nobody yet.
info    counts what a store holds.

${COMMON_HELP}
  --store S        a SQLite file path (created when missing) or a postgres:// URL (?schema=NAME)
  --state FILE     the JSON state to import`;

export const storeCommand: Command = {
  name: 'store',
  summary: 'move a JSON state into a store, or count what a store holds',
  async run(io) {
    const { values, positionals } = parse(io.argv, { store: { type: 'string' }, state: { type: 'string' } });
    if (values.help) return io.stdout(HELP), 0;
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
