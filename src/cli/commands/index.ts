import type { Command } from '../args.js';
import { lint } from './lint.js';
import { match } from './match.js';
import { test } from './test.js';

/** Every subcommand, in the order `guiyan --help` lists them. */
export const COMMANDS: readonly Command[] = [match, test, lint];
