import { PolicyValidationError, formatIssues } from '../policy/errors.js';
import { ProfileValidationError } from '../profile/validate.js';
import { maskText } from '../core/mask.js';
import { UsageError, type Command, type CommandIO } from './args.js';
import { COMMANDS } from './commands/index.js';

const usage = () =>
  `guiyan — match returnees with the support policies they qualify for

usage: guiyan <command> [options]   (guiyan <command> --help for more)

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
    return e instanceof UsageError ? 2 : 1;
  }
}

const isEntry = import.meta.url === `file://${process.argv[1]}` || /(?:^|[\\/])(cli\.js|main\.ts|guiyan)$/.test(process.argv[1] ?? '');
if (isEntry) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    stdin: process.stdin,
    isTTY: !!process.stdout.isTTY,
  }).then((code) => {
    process.exitCode = code;
  });
}
