/** The locales guiyan speaks; every word of each lives in its catalogue (src/core/catalogue/). */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** `value` when it is a locale guiyan speaks, else zh-CN, the default (untyped callers may pass anything). */
export const asLocale = (value: unknown): Locale => (LOCALES.includes(value as Locale) ? (value as Locale) : 'zh-CN');
