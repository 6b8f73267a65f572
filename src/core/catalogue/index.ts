import type { Locale } from '../locale.js';
import { en } from './en.js';
import { zhCN, type Catalogue } from './zh-CN.js';

export type { Catalogue } from './zh-CN.js';
export type { BotWords } from './bot-zh-CN.js';

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { 'zh-CN': zhCN, en };

/** The words of one locale; any other value (from untyped callers) reads as zh-CN, the default. */
export const wordsFor = (locale: Locale): Catalogue => (Object.hasOwn(CATALOGUES, locale) ? CATALOGUES[locale] : zhCN);
