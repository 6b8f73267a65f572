import type { Locale } from '../locale.js';
import { helpEn } from './help-en.js';
import { helpZhCN, type HelpWords } from './help-zh-CN.js';
import { usageEn } from './usage-en.js';
import { usageZhCN, type UsageWords } from './usage-zh-CN.js';

/** The command line's own words: its help and what it says about wrong use and unusable input. */
export interface CliWords {
  help: HelpWords;
  usage: UsageWords;
}

/**
 * Kept apart from `wordsFor` so that only the command line loads them: a browser app that
 * evaluates profiles does not carry the help of thirteen commands in two languages.
 */
const CLI: Readonly<Record<Locale, CliWords>> = { 'zh-CN': { help: helpZhCN, usage: usageZhCN }, en: { help: helpEn, usage: usageEn } };

/** The command line's words of one locale; any other value reads as zh-CN, the default. */
export const cliWordsFor = (locale: Locale): CliWords => (Object.hasOwn(CLI, locale) ? CLI[locale] : CLI['zh-CN']);
