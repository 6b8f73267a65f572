import { PolicyValidationError, formatIssues } from '../policy/errors.js';
import { ProfileValidationError } from '../profile/validate.js';
import { maskText } from '../core/mask.js';
import { AsOfError } from '../core/dates.js';
import pkg from '../../package.json' with { type: 'json' };
import { UsageError, type Command, type CommandIO } from './args.js';
import { COMMANDS } from './commands/index.js';
import { ProfileInputError } from './io.js';

const usage = () =>
  `guiyan — match returnees with the support policies they qualify for

usage: guiyan <command> [options]   (guiyan <command> --help for more; guiyan --version)

${COMMANDS.map((c: Command) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], rawIO: Omit<CommandIO, 'argv'>): Promise<number> {
  // Whatever a command prints, personal data leaves masked (ids and arguments may be phone numbers).
  const io = { ...rawIO, stdout: (t: string) => rawIO.stdout(maskText(t)), stderr: (t: string) => rawIO.stderr(maskText(t)) };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') return io.stdout(pkg.version), 0;
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`guiyan: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run({ ...io, argv: rest });
  } catch (e) {
    if (e instanceof UsageError) io.stderr(`guiyan ${name}: ${e.message}`);
    else if (e instanceof PolicyValidationError) io.stderr(`guiyan ${name}: ${e.issues.length} problem(s) in the rules\n${formatIssues(e.issues)}`);
    else if (e instanceof ProfileValidationError) io.stderr(`guiyan ${name}: ${e.message}`);
    else io.stderr(`guiyan ${name}: ${maskText((e as Error).message ?? String(e))}`);
    return badInput(e) ? 2 : 1;
  }
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
