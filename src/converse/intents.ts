import type { Locale } from '../core/text.js';

/** What an inbound message asks for, before it is read as an answer or a need. */
export type IntentName = 'opt-out' | 'resubscribe' | 'restart' | 'help' | 'start' | 'result' | 'details' | 'skip';

export interface IntentDef {
  name: IntentName;
  /** Whole messages (after trimming, case folded) that mean the intent, per locale. */
  keywords: Record<Locale, readonly string[]>;
  /** The keyword is followed by a number: "详情 2", "more 2". */
  takesNumber?: boolean;
}

/**
 * The intents as data, matched against the whole message so that an answer such as "没有" is never
 * taken for a command. Both locales' words are accepted whatever the reply language.
 * Order matters: the first match wins.
 */
export const INTENTS: readonly IntentDef[] = [
  { name: 'opt-out', keywords: { 'zh-CN': ['退订', 't', 'td', '取消订阅', '不要再发'], en: ['stop', 'unsubscribe', 'stop all', 'opt out'] } },
  { name: 'resubscribe', keywords: { 'zh-CN': ['订阅', '恢复订阅', '重新订阅'], en: ['start', 'subscribe', 'unstop'] } },
  { name: 'restart', keywords: { 'zh-CN': ['重来', '重新开始', '重置', '清空'], en: ['restart', 'reset', 'start over'] } },
  { name: 'help', keywords: { 'zh-CN': ['你好', '您好', '帮助', '菜单', '在吗', '嗨', '?', '？'], en: ['hi', 'hello', 'hey', 'help', 'menu'] } },
  { name: 'start', keywords: { 'zh-CN': ['开始', '测资格', '测一测', '评估', '开始问答'], en: ['begin', 'check', 'go', 'ask me'] } },
  { name: 'result', keywords: { 'zh-CN': ['结果', '看结果', '查看结果', '推荐'], en: ['result', 'results', 'show result'] } },
  { name: 'details', keywords: { 'zh-CN': ['详情', '详细', '查看'], en: ['more', 'details', 'detail', 'info'] }, takesNumber: true },
  { name: 'skip', keywords: { 'zh-CN': ['不知道', '不清楚', '跳过', '不确定', '不记得'], en: ["don't know", 'dont know', 'skip', 'not sure', 'idk', 'pass'] } },
];

export interface Intent {
  name: IntentName;
  /** The number after the keyword ("详情 2" → 2). */
  n?: number;
}

/** Folds width, case and trailing punctuation: "ＳＴＯＰ！" → "stop". */
export function normalizeInbound(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/[。.!！~～]+$/u, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[’‘]/g, "'");
}

/** The intent a whole message names, or null for an answer or a free-text need. */
export function detectIntent(text: string, intents: readonly IntentDef[] = INTENTS): Intent | null {
  const t = normalizeInbound(text);
  for (const def of intents) {
    const words = [...def.keywords['zh-CN'], ...def.keywords.en];
    if (!def.takesNumber) {
      if (words.includes(t)) return { name: def.name };
      continue;
    }
    for (const w of words) {
      if (!t.startsWith(w)) continue;
      const rest = t.slice(w.length).trim().replace(/^(第|no\.?|#)\s*/u, '');
      if (rest === '') return { name: def.name };
      if (/^\d{1,3}$/.test(rest)) return { name: def.name, n: Number(rest) };
    }
  }
  return null;
}
