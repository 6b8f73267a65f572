import type { HelpWords } from './help-zh-CN.js';

/** The command line's help in English: the same keys as help-zh-CN.ts (the type checks it). */
export const helpEn: HelpWords = {
  tagline: 'guiyan — match returnees with the support policies they qualify for',
  usage: 'usage: guiyan <command> [options]   (guiyan <command> --help for more; guiyan --version)',
  common: `  --rules DIR      rule directory (default ./rules if there is one, else the rules shipped with guiyan)
  --as-of DATE     evaluate as of this date (YYYY-MM-DD or ISO date-time; default today)
  --locale L       zh-CN (default) or en
  --json           print data as JSON
  -h, --help       show this help`,
  commands: {
    match: {
      summary: 'evaluate profiles against the rules',
      text: `guiyan match <profile.json | profiles.jsonl | dir> [options]

Evaluates each profile against every policy in force and prints status, amount and key reasons.

{common}
  --all            include policies of other regions and ineligible ones`,
    },
    recommend: {
      summary: 'rank the policies for each person, with reasons',
      text: `guiyan recommend <profile.json | profiles.jsonl | dir> [options]

Ranks the policies of each person's region: eligible first, then unknown by likelihood × value,
with the reasons that carried each verdict and the best combination that may be taken together.

{common}
  --limit N        show at most N policies per person
  --near-misses    add ineligible policies with the smallest change that would qualify`,
    },
    search: {
      summary: 'find policies by free text',
      text: `guiyan search "<query>" [options]

Finds policies by free text in Chinese or English — titles, summaries, tags, synonyms
("借钱", "补助", "土地"), typos, partial words, pinyin and pinyin initials.

{common}
  --profile FILE   show each hit's status for this person (ineligible ones sink)
  --limit N        at most N hits (default 10)`,
    },
    ask: {
      summary: 'ask the next best question until the result is settled',
      text: `guiyan ask [profile.json] [options]

Asks the question that settles the most, reads the answer from the next line of standard input,
and repeats until nothing is left to ask; then prints the ranked result. Answers as typed in a chat:
"是/否", "35", "3万", "2023年6月", "无", option numbers "1,3", place names. "跳过" or "skip" passes.
Scriptable: pipe the answers in, one per line.

{common}
  --max N          ask at most N questions (default 30)`,
    },
    chat: {
      summary: 'talk to the chat/SMS bot on standard input',
      text: `guiyan chat [options]

A terminal chat with the bot kit: each line of standard input is one inbound message, each reply
is printed as the bot would send it (nothing after an opt-out). Scriptable from a pipe:
  printf '你好\\n想贷款\\n详情 2\\n' | guiyan chat --channel sms

{common}
  --channel C      sms (default; one 70-character message) or chat
  --signature S    SMS sender name, counted in the length (default 【归雁服务】; '' for none)
  --part-cap N     most parts an SMS reply may take (default 1)
  --officers FILE  service officers (JSON array, e.g. fixtures/officers.json), for "转人工" hand-offs`,
    },
    projects: {
      summary: 'rank returnee projects with the policies that fund them',
      text: `guiyan projects <profile.json | profiles.jsonl | dir> [options]

Ranks the returnee projects under <rules>/projects for each profile, with the policies under <rules>
that could fund each one, and optionally the service officer who follows the person up.

{common}
  --limit N        projects per profile (default 5)
  --all            rank projects in every region, and those that do not suit
  --officers FILE  officers (JSON array, e.g. fixtures/officers.json): assign one per profile, balancing load`,
    },
    screen: {
      summary: 'screen a register, plan messages for what changed',
      text: `guiyan screen --profiles FILE.jsonl --store PATH|postgres://URL --out DELIVERIES.jsonl [options]

Screens a register (JSON Lines, one profile a line) against every rule and plans one message per
person for what changed since the last run. What the runs know lives in a store: a SQLite file
(created when missing) or a PostgreSQL database (postgres://…; ?schema=NAME picks the schema).
Each batch of people is committed together with its deliveries to the store's outbox, so a crash
at any point loses nothing: the rerun plans the rest, to the same delivery ids.
--out writes every delivery not yet handed over, one a line
({ id, profileId, policyIds, channel, to, text, sendAt, kinds }), by temp file, fsync and rename, and
only then marks them told. Without --out they are shown with phone numbers masked and stay in the outbox.
One run at a time: another run on the same store stops with "busy" (or waits, with --wait).

{common}
  --profiles FILE  the register, JSON Lines
  --store S        the screening store: a SQLite file path or a postgres:// URL
  --out FILE       deliveries to hand over, JSON Lines
  --wait SECONDS   when another run holds the store, wait this long before giving up (default 0)
  --batch N        people per transaction (default 2000)
  --window-days N  window-closing this many days before a deadline (default 14)
  --signature S    SMS signature inside 【】 (default 归雁服务)
  --part-cap N     most parts per SMS (default 1)
  --channels C     prefer-chat (default) or both
  --officers FILE  service officers (JSON array): each follow-up goes to the covering officer with the lowest load
  --state FILE     deprecated: the JSON state file of earlier versions (guiyan store import moves one into a store)`,
    },
    store: {
      summary: 'move a JSON state into a store, or count what a store holds',
      text: `guiyan store import --state STATE.json --store PATH|postgres://URL
guiyan store info --store PATH|postgres://URL [--json]

import  moves a JSON screening state (the --state file of earlier versions) into a new store:
        verdicts, what was told, follow-ups and outcomes. The store must hold nobody yet.
info    counts what a store holds.

{common}
  --store S        a SQLite file path (created when missing) or a postgres:// URL (?schema=NAME)
  --state FILE     the JSON state to import`,
    },
    outcome: {
      summary: "record what became of a push, and the person's rating",
      text: `guiyan outcome --store S --profile ID --policy ID --outcome OUTCOME [--amount N] [--rating 1-5 --department NAME --officer ID]

Records what became of a push for one person and one policy. A final outcome (granted,
rejected, not-interested) closes the person's open follow-ups for that policy; the others close those
already due. With --rating, also records the person's rating of the department and
officer that served them. Many officers may record at once.

{common}
  --store S        the screening store: a SQLite file path or a postgres:// URL
  --profile ID     the person
  --policy ID      the policy
  --outcome O      {outcomes}
  --amount N       the amount granted (or applied for)
  --rating R       1 (poor) to 5 (excellent)
  --department D   the department rated (needed with --rating)
  --officer ID     the officer rated
  --as-of DATE     when it happened (default today)`,
    },
    find: {
      summary: 'run policies as SQL over a register to find who qualifies (DuckDB or PostgreSQL)',
      text: `guiyan find --register FILE|URL --policy ID [--policy ID …] [options]

Runs the policies as SQL where the register lives — DuckDB for people.jsonl or
people.parquet, PostgreSQL for postgres://user@host:port/database/table — and prints per policy
how many people are eligible, unknown and ineligible, the eligible (ids masked), the answers that
would settle the unknown, and whether the policy can be granted without an application (every field it reads is in the register). Rows of a JSON
Lines register that are not valid profiles are reported one by one and skipped.

{common}
  --register R     people.jsonl | people.parquet | postgres://…/database/table
  --policy ID      a policy to run (repeatable; default every policy in force)
  --set P=V        what-if: try a parameter value (P is name or policyId.name; repeatable)
  --with-rules DIR what-if: try changed rule files (policies matched by id)
  --limit N        eligible ids listed per policy (default 20)`,
    },
    report: {
      summary: 'funnel of pushes, applications and grants; scores of departments and officers',
      text: `guiyan report --store S [--by policy|region] [--json]
guiyan report --store S --due DATE [--json]

The funnel pushed → applied → granted, with amounts, per policy and per region; and
the score of each department and officer from returnees' ratings, with how many
ratings it rests on (no score from fewer than {min}).

{common}
  --store S        the screening store: a SQLite file path or a postgres:// URL
  --by KEY         only the funnel per policy or per region
  --due DATE       instead, list the open follow-ups due on or before DATE (YYYY-MM-DD)
  --state FILE     deprecated: a JSON state file of earlier versions (funnel only)`,
    },
    lint: {
      summary: 'check rule files for mistakes loading does not catch',
      text: `guiyan lint [DIR] [options]

Checks rule files for what loading alone does not catch: misspelled fields (with a did-you-mean),
conditions that can never be true or never false, policies past their window, parameters not
updated in years, exclusions of missing policies, sample rules without the sample flag, and
national rules without a dated, issued source. Exits 1 on errors, 0 with warnings only.

{common}
  --stale-years N  flag parameters whose latest value is older than N years (default 5)`,
    },
    test: {
      summary: 'run the cases embedded in rule files',
      text: `guiyan test [options]

Runs the test cases embedded in every rule file (policies, and projects under projects/) and reports
each failure with its file and case.

{common}`,
    },
  },
};
