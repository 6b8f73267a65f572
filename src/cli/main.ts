import { cliWordsFor } from '../core/catalogue/cli.js';
import { PolicyValidationError } from '../policy/errors.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/locale.js';
import { ProfileValidationError } from '../profile/validate.js';
import { maskText } from '../core/mask.js';
import { AsOfError } from '../core/dates.js';
import pkg from '../../package.json' with { type: 'json' };
import { CliError, runLocale, UsageError, type Command, type CommandIO } from './args.js';
import { COMMANDS } from './commands/index.js';
import { ProfileInputError, profileIssuesText } from './io.js';

/** `guiyan --help`: what guiyan is, and each command with its summary, in `locale`. */
function usage(locale: Locale): string {
  const h = cliWordsFor(locale).help;
  return `${h.tagline}\n\n${h.usage}\n\n${COMMANDS.map((c: Command) => `  ${c.name.padEnd(10)} ${h.commands[c.name].summary}`).join('\n')}`;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], rawIO: Omit<CommandIO, 'argv'>): Promise<number> {
  // Whatever a command prints, personal data leaves masked (ids and arguments may be phone numbers).
  const io = { ...rawIO, stdout: (t: string) => rawIO.stdout(maskText(t)), stderr: (t: string) => rawIO.stderr(maskText(t)) };
  const locale = runLocale(argv);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage(locale));
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') return io.stdout(pkg.version), 0;
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`${cliWordsFor(locale).usage.unknownCommand(name)}\n\n${usage(locale)}`);
    return 2;
  }
  try {
    return await cmd.run({ ...io, argv: rest });
  } catch (e) {
    io.stderr(cliWordsFor(locale).usage.failed(name, explain(e, locale)));
    return badInput(e) ? 2 : 1;
  }
}

/** What went wrong, in the run's language where guiyan knows the problem. */
function explain(e: unknown, locale: Locale): string {
  const w = wordsFor(locale);
  const cw = cliWordsFor(locale);
  if (e instanceof CliError) return e.text(locale);
  if (e instanceof PolicyValidationError) {
    const lines = e.issues.map((i) => {
      const head = [[i.file, i.line, i.column].filter((x) => x !== undefined).join(':'), i.path.join('.')].filter(Boolean).join(' ');
      return `${head ? `${head}: ` : ''}${w.cli.lint.finding(i.code, i.message)} [${i.code}]`;
    });
    return [cw.usage.rules(e.issues.length), ...lines].join('\n');
  }
  if (e instanceof ProfileValidationError) return cw.usage.badProfile(profileIssuesText(e.issues, locale));
  if (e instanceof AsOfError) return cw.usage.asOf(/got (.*)$/s.exec(e.message)?.[1] ?? '');
  const fsError = e as { code?: string; path?: string };
  const file = fsError?.code && fsError.path ? cw.usage.file[fsError.code] : undefined;
  if (file) return file(fsError.path!);
  return maskText((e as Error)?.message ?? String(e));
}

/** Exit 2 for bad usage or input (arguments, rules, profiles, dates, files that cannot be read); 1 for the rest. */
const badInput = (e: unknown): boolean =>
  e instanceof UsageError ||
  e instanceof PolicyValidationError ||
  e instanceof ProfileValidationError ||
  e instanceof ProfileInputError ||
  e instanceof AsOfError ||
  e instanceof SyntaxError ||
  ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes((e as { code?: string })?.code ?? '');

const isEntry = import.meta.url === `file://${process.argv[1]}` || /(?:^|[\\/])(cli\.js|main\.ts|guiyan)$/.test(process.argv[1] ?? '');
if (isEntry) {
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : Promise.reject(e)));
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    stdin: process.stdin,
    isTTY: !!process.stdout.isTTY,
  }).then((code) => {
    process.exitCode = code;
  });
}
