import type { Command } from '../args.js';
import { match } from './match.js';
import { projects } from './projects.js';
import { report } from './report.js';
import { screenCommand } from './screen.js';
import { test } from './test.js';

/** Every subcommand, in the order `guiyan --help` lists them. */
export const COMMANDS: readonly Command[] = [match, test, screenCommand, report, projects];
