import { createInterface } from 'node:readline';
import { applyAnswer } from '../../ask/index.js';
import type { Question } from '../../ask/index.js';
import { maskValue } from '../../core/mask.js';
import type { Locale } from '../../core/text.js';
import type { Profile } from '../../profile/schema.js';
import { parseProfile } from '../../profile/validate.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher, readOneProfile } from '../io.js';
import { header, renderRecommendations } from './recommend.js';
import { engineOf } from '../../matcher/create.js';
import { wordsFor } from '../../core/catalogue/index.js';

const SKIP = new Set(['跳过', '不知道', '不清楚', 'skip', "don't know", '?', '？']);
const MAX_RETRIES = 3;

function render(q: Question, n: number, locale: Locale): string {
  const w = wordsFor(locale).cli;
  const lines = [`${w.question(n)}. ${q.text}`];
  if (q.options) lines.push(...q.options.map((o, i) => `  ${i + 1}. ${o.label}`));
  if (q.multiple) lines.push(w.several);
  return lines.join('\n');
}

export const ask: Command = {
  name: 'ask',
  async run(io) {
    const { values, positionals } = parse(io.argv, { max: { type: 'string', default: '30' } });
    if (values.help) return io.stdout(helpOf('ask', values.locale)), 0;
    if (positionals.length > 1) throw new UsageError((u) => u.withHelp(u.takes.atMostOneProfile, 'ask'));
    const locale = localeOf(values.locale);
    const max = Number(values.max);
    if (!(Number.isInteger(max) && max >= 0)) throw new UsageError((u) => u.wholeNumber('--max', 0));
    const matcher = await loadMatcher(values.rules);
    const start = positionals[0] ? await readOneProfile(positionals[0]) : undefined;
    const asOf = values['as-of'] ?? start?.asOf;
    // The date is read once here, at the edge, so every question and the result agree on it.
    const day = engineOf(matcher).day(asOf);
    const asOfDay = new Date(day * 86_400_000).toISOString().slice(0, 10);
    let profile: Profile = parseProfile(start?.profile ?? { id: 'ask' });
    const skip: string[] = [];
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
    const nextLine = async () => {
      const r = await lines.next();
      return r.done ? null : r.value;
    };
    // With --json, standard output carries the one JSON document: questions and hints go to standard error.
    const say = values.json ? io.stderr : io.stdout;
    let asked = 0;
    let done = false;
    while (!done && asked < max) {
      const q = matcher.nextQuestion(profile, { asOf: asOfDay, locale, skip });
      if (!q) break;
      asked++;
      say(render(q, asked, locale));
      for (let attempt = 0; ; attempt++) {
        const line = await nextLine();
        if (line === null) {
          done = true;
          break;
        }
        if (SKIP.has(line.trim().toLowerCase())) {
          skip.push(q.field);
          break;
        }
        const r = applyAnswer(profile, q.field, line, { locale });
        if (r.ok) {
          profile = r.profile;
          break;
        }
        say(`  ${r.message}`);
        if (attempt + 1 >= MAX_RETRIES) {
          skip.push(q.field);
          break;
        }
      }
    }
    const policies = new Map(matcher.policies.map((p) => [p.id, p]));
    const opts = { asOf: asOfDay, locale };
    const recs = matcher.recommend(profile, opts);
    if (values.json) {
      // The profile may hold a phone number: it leaves only masked.
      io.stdout(JSON.stringify({ asOf: asOfDay, asked, profile: maskValue(profile), recommendations: recs }, null, 2));
      return 0;
    }
    io.stdout(`\n${header(profile, asOfDay, locale)}\n${renderRecommendations(recs, matcher.recommendBundle(profile, opts), policies, locale)}`);
    return 0;
  },
};
