import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bundledRulesDir } from '../node/bundled.js';
import type { Locale } from '../core/text.js';

/** Options every command shares. */
export const COMMON = {
  rules: { type: 'string' },
  'as-of': { type: 'string' },
  locale: { type: 'string', default: 'zh-CN' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_HELP = `  --rules DIR      rule directory (default ./rules if there is one, else the rules shipped with guiyan)
  --as-of DATE     evaluate as of this date (YYYY-MM-DD or ISO date-time; default today)
  --locale L       zh-CN (default) or en
  --json           print data as JSON
  -h, --help       show this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse<O extends ParseArgsConfig['options']>(argv: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // No --rules: ./rules when there is one, else the rules shipped in the package.
  const rules: string = (parsed.values as { rules?: string }).rules ?? (existsSync('rules') ? 'rules' : bundledRulesDir());
  return { ...parsed, values: { ...parsed.values, rules } };
}

export function localeOf(value: unknown): Locale {
  if (value === 'zh-CN' || value === 'en') return value;
  throw new UsageError(`--locale must be zh-CN or en, not ${String(value)}`);
}

/** What a command gets: its arguments, and where to write. */
export interface CommandIO {
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  run(io: CommandIO): Promise<number>;
}
