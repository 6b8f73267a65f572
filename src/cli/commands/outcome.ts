import { OUTCOMES, type Outcome } from '../../followup/types.js';
import { isIsoDate } from '../../core/dates.js';
import { openStore, StoreInputError } from '../../store/open.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { wordsFor } from '../../core/catalogue/index.js';

export const outcomeCommand: Command = {
  name: 'outcome',
  async run(io) {
    const { values } = parse(io.argv, {
      store: { type: 'string' },
      profile: { type: 'string' },
      policy: { type: 'string' },
      outcome: { type: 'string' },
      amount: { type: 'string' },
      rating: { type: 'string' },
      department: { type: 'string' },
      officer: { type: 'string' },
    });
    if (values.help) return io.stdout(helpOf('outcome', values.locale, { outcomes: OUTCOMES.join(' | ') })), 0;
    const w = wordsFor(localeOf(values.locale)).run;
    if (!values.store || !values.profile || !values.policy || !values.outcome) throw new UsageError((u) => u.withHelp(u.needs('--store, --profile, --policy, --outcome'), 'outcome'));
    if (!OUTCOMES.includes(values.outcome as Outcome)) throw new UsageError((u) => u.oneOf('--outcome', OUTCOMES.join(', ')));
    const amount = values.amount === undefined ? undefined : Number(values.amount);
    if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) throw new UsageError((u) => u.nonNegative('--amount'));
    const rating = values.rating === undefined ? undefined : Number(values.rating);
    if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) throw new UsageError((u) => u.range('--rating', 1, 5));
    if (rating !== undefined && !values.department) throw new UsageError((u) => u.goesWith('--rating', '--department'));
    if ((values.department || values.officer) && rating === undefined) throw new UsageError((u) => u.goesWith('--department, --officer', '--rating'));
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf.slice(0, 10))) throw new UsageError((u) => u.date('--as-of', '2026-07-01'));
    const at = asOf ?? new Date().toISOString(); // the one clock read, at the edge
    const store = await openStore(values.store);
    try {
      await store.recordOutcome({
        profileId: values.profile,
        policyId: values.policy,
        outcome: values.outcome as Outcome,
        at,
        ...(amount !== undefined ? { amount } : {}),
        ...(rating !== undefined ? { rating, department: values.department! } : {}),
        ...(values.officer ? { officerId: values.officer } : {}),
      });
    } catch (e) {
      // The store's own checks of outcome and rating are made above; what is left is a push it never made.
      if (e instanceof StoreInputError) throw new UsageError(/no screening record/.test(e.message) ? (u) => u.noRecord(values.policy!) : () => e.message);
      throw e;
    } finally {
      await store.close();
    }
    const record = { profileId: values.profile, policyId: values.policy, outcome: values.outcome, at, ...(amount !== undefined ? { amount } : {}), ...(rating !== undefined ? { rating } : {}) };
    io.stdout(values.json ? JSON.stringify(record, null, 2) : w.recorded(w.outcome[values.outcome] ?? values.outcome, values.profile, values.policy, rating));
    return 0;
  },
};
