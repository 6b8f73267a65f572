// Browser apps: each takes the guiyan module and an input, and returns plain data. They are bundled
// for Chromium from the built package and run in Node on the sources; both must agree.
import type * as Guiyan from '../../src/index.js';

export interface AppInput {
  sources: { name: string; text: string }[];
  profile: Record<string, unknown>;
  asOf: string;
  messages: string[];
  query: string;
}

/** The names each app imports from guiyan: its bundle holds only what they reach. */
export const USES = {
  evaluate: ['parsePolicies', 'createMatcher'],
  full: ['parsePolicies', 'createMatcher', 'pinyinReader', 'converse'],
} as const;

type Uses<N extends keyof typeof USES> = Pick<typeof Guiyan, (typeof USES)[N][number]>;

export const APPS = {
  /** parsePolicies + createMatcher + evaluate: the size budget's app. */
  evaluate(g: Uses<'evaluate'>, i: AppInput) {
    const m = g.createMatcher(g.parsePolicies(i.sources));
    return m.evaluate(i.profile, { asOf: i.asOf }).map((e) => ({ policyId: e.policyId, status: e.status, missing: e.missing, amount: e.amount ?? null }));
  },
  /** Everything a chat page does: evaluate, recommend, search with pinyin, converse. */
  full(g: Uses<'full'>, i: AppInput) {
    const m = g.createMatcher(g.parsePolicies(i.sources), { pinyin: g.pinyinReader });
    const evaluations = m.evaluate(i.profile, { asOf: i.asOf, locale: 'en' }).map((e) => ({ policyId: e.policyId, status: e.status, reasons: e.reasons.map((r) => r.text) }));
    const recommendations = m.recommend(i.profile, { asOf: i.asOf, limit: 5 }).map((r) => ({ policyId: r.policyId, score: r.score }));
    const hits = m.search(i.query, { limit: 5 });
    let state: Guiyan.ConversationState | undefined;
    const replies: (string | null)[] = [];
    for (const text of i.messages) {
      const out = g.converse(state, text, { matcher: m, asOf: i.asOf, channel: 'chat' });
      state = out.state;
      replies.push(out.reply);
    }
    return { evaluations, recommendations, hits, replies };
  },
};

export type AppName = keyof typeof APPS;
