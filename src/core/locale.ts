/** The locales guiyan speaks; every word of each lives in its catalogue (src/core/catalogue/). */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
