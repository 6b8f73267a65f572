import { cliWordsFor } from '../core/catalogue/cli.js';
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bundledRulesDir } from '../node/bundled.js';
import type { CommandName } from '../core/catalogue/help-zh-CN.js';
import type { UsageWords } from '../core/catalogue/usage-zh-CN.js';
import type { Locale } from '../core/text.js';

/** Options every command shares. */
export const COMMON = {
  rules: { type: 'string' },
  'as-of': { type: 'string' },
  locale: { type: 'string', default: 'zh-CN' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/**
 * A command's help in the locale `--locale` names (zh-CN for anything else: help is shown before the
 * value is checked); `vars` fills the command's own placeholders.
 */
export function helpOf(name: CommandName, locale: unknown, vars: Record<string, string | number> = {}): string {
  const h = cliWordsFor(locale === 'en' ? 'en' : 'zh-CN').help;
  const values: Record<string, string | number> = { ...vars, common: h.common };
  return h.commands[name].text.replace(/\{(common|outcomes|min)\}/g, (m, k: string) => String(values[k] ?? m));
}

/** Words of the run's locale for a message: a function of the usage catalogue (and the locale, for texts built elsewhere). */
export type Say = (u: UsageWords, locale: Locale) => string;

/**
 * An error the command line explains in the run's language: it keeps how to say it, and `message`
 * is the English form (for logs and stacks).
 */
export class CliError extends Error {
  constructor(readonly say: Say) {
    super(say(cliWordsFor('en').usage, 'en'));
  }
  /** The message in `locale`. */
  text(locale: Locale): string {
    return this.say(cliWordsFor(locale).usage, locale);
  }
}

/** Bad usage: an unknown option, a missing or malformed value (exit 2). */
export class UsageError extends CliError {
  override name = 'UsageError';
}

/** Node's parseArgs errors, by code, as catalogue words (the option is quoted in its message). */
function argsError(e: { code?: string; message: string }): Say {
  const quoted = /'([^']+)'/.exec(e.message)?.[1]?.replace(/ <value>$/, '') ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return (u) => u.unknownOption(quoted);
  const option = quoted.split(/[ ,]/)[0]!;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /does not take/.test(e.message) ? (u) => u.noValue(option) : (u) => u.missingValue(option);
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return (u) => u.unexpected(quoted);
  return (u) => u.badArguments;
}

/**
 * The run's language, read before anything else so that even a usage error speaks it: the value
 * of --locale when it names a locale, else zh-CN (a bad value is then reported in zh-CN).
 */
export function runLocale(argv: readonly string[]): Locale {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--locale') value = argv[i + 1];
    else if (a.startsWith('--locale=')) value = a.slice('--locale='.length);
  });
  return value === 'en' ? 'en' : 'zh-CN';
}

export function parse<O extends ParseArgsConfig['options']>(argv: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(argsError(e as { code?: string; message: string }));
  }
  // No --rules: ./rules when there is one, else the rules shipped in the package.
  const rules: string = (parsed.values as { rules?: string }).rules ?? (existsSync('rules') ? 'rules' : bundledRulesDir());
  return { ...parsed, values: { ...parsed.values, rules } };
}

export function localeOf(value: unknown): Locale {
  if (value === 'zh-CN' || value === 'en') return value;
  throw new UsageError((u) => u.locale(String(value)));
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
  /** Its summary and help are the catalogue's `help.commands[name]`. */
  name: CommandName;
  run(io: CommandIO): Promise<number>;
}
