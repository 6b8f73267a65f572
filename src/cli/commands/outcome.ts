import { OUTCOMES, type Outcome } from '../../followup/types.js';
import { isIsoDate } from '../../core/dates.js';
import { openStore, StoreInputError } from '../../store/open.js';
import { COMMON_HELP, localeOf, parse, UsageError, type Command } from '../args.js';
import { wordsFor } from '../../core/catalogue/index.js';

const HELP = `guiyan outcome --store S --profile ID --policy ID --outcome OUTCOME [--amount N] [--rating 1-5 --department NAME --officer ID]

问效: records what became of a push for one person and one policy. A final outcome (granted,
rejected, not-interested) closes the person's open follow-ups for that policy; the others close those
already due. With --rating, also records the person's rating (归雁集中评价) of the department and
officer that served them. Many officers may record at once.

${COMMON_HELP}
  --store S        the screening store: a SQLite file path or a postgres:// URL
  --profile ID     the person
  --policy ID      the policy
  --outcome O      ${OUTCOMES.join(' | ')}
  --amount N       the amount granted (or applied for)
  --rating R       1 (poor) to 5 (excellent)
  --department D   the department rated (needed with --rating)
  --officer ID     the officer rated
  --as-of DATE     when it happened (default today)`;

export const outcomeCommand: Command = {
  name: 'outcome',
  summary: 'record an outcome (问效) and a rating (归雁集中评价)',
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
    if (values.help) return io.stdout(HELP), 0;
    const w = wordsFor(localeOf(values.locale)).run;
    if (!values.store || !values.profile || !values.policy || !values.outcome) throw new UsageError('outcome needs --store, --profile, --policy and --outcome; see guiyan outcome --help');
    if (!OUTCOMES.includes(values.outcome as Outcome)) throw new UsageError(`--outcome must be one of ${OUTCOMES.join(', ')}`);
    const amount = values.amount === undefined ? undefined : Number(values.amount);
    if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) throw new UsageError('--amount must be a number of 0 or more');
    const rating = values.rating === undefined ? undefined : Number(values.rating);
    if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) throw new UsageError('--rating must be a whole number from 1 to 5');
    if (rating !== undefined && !values.department) throw new UsageError('--rating needs --department (and --officer when one person served)');
    if ((values.department || values.officer) && rating === undefined) throw new UsageError('--department and --officer go with --rating');
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf.slice(0, 10))) throw new UsageError('--as-of must be a date such as 2026-07-01');
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
      if (e instanceof StoreInputError) throw new UsageError(e.message);
      throw e;
    } finally {
      await store.close();
    }
    const record = { profileId: values.profile, policyId: values.policy, outcome: values.outcome, at, ...(amount !== undefined ? { amount } : {}), ...(rating !== undefined ? { rating } : {}) };
    io.stdout(values.json ? JSON.stringify(record, null, 2) : w.recorded(w.outcome[values.outcome] ?? values.outcome, values.profile, values.policy, rating));
    return 0;
  },
};
