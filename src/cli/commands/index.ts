import type { Command } from '../args.js';
import { ask } from './ask.js';
import { chat } from './chat.js';
import { findCommand } from './find.js';
import { lint } from './lint.js';
import { match } from './match.js';
import { projects } from './projects.js';
import { recommend } from './recommend.js';
import { report } from './report.js';
import { screenCommand } from './screen.js';
import { storeCommand } from './store.js';
import { outcomeCommand } from './outcome.js';
import { search } from './search.js';
import { test } from './test.js';

/** Every subcommand, in the order `guiyan --help` lists them. */
export const COMMANDS: readonly Command[] = [match, recommend, search, ask, chat, projects, screenCommand, storeCommand, outcomeCommand, findCommand, report, lint, test];
