import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/text.js';

/** What a screening run can tell a person. */
export type EventKind = 'newly-eligible' | 'needs-info' | 'window-closing' | 'policy-changed' | 'no-longer-eligible';
export const EVENT_KINDS: readonly EventKind[] = ['newly-eligible', 'needs-info', 'window-closing', 'policy-changed', 'no-longer-eligible'];

/** A piece of an SMS body; optional pieces are dropped first when the text is too long. */
export interface Segment {
  text: string;
  optional?: boolean;
}

/**
 * A chat message as lines. A line naming a placeholder whose value is empty is left out, so one
 * template serves people with and without an amount, a deadline or a question.
 */
export type ChatLines = readonly string[];

/** The templates of one locale, per event kind, for SMS and chat. */
export interface MessageTemplates {
  sms: Record<EventKind, readonly Segment[]>;
  /** Several events in one message; `{titles}` is shortened to fit, then replaced by `{first}` and a count. */
  smsDigest: readonly Segment[];
  smsDigestShort: readonly Segment[];
  /** Last resort that always fits one part. */
  smsFallback: readonly Segment[];
  chat: Record<EventKind, ChatLines>;
  chatDigestHead: string;
  /** Words the renderer needs: list separator, ellipsis, status names, default link and opt-out. */
  words: {
    sep: string;
    ellipsis: string;
    status: Record<'eligible' | 'unknown' | 'ineligible', string>;
    link: string;
    optOut: string;
    tail: string;
    reasonBullet: string;
  };
}

const seg = (text: string, optional = false): Segment => (optional ? { text, optional } : { text });

/**
 * The message templates, kept as data so a county can replace any of them.
 *
 * @example
 * renderSms(items, { templates: { ...TEMPLATES['zh-CN'] } })
 */
export const TEMPLATES: Record<Locale, MessageTemplates> = {
  'zh-CN': {
    sms: {
      'newly-eligible': [seg('您可能符合「{title}」'), seg('，{amount}', true), seg('，请于{deadline}前申请', true), seg('。')],
      'needs-info': [seg('您可能符合「{title}」'), seg('，还需确认{field}', true), seg('，{amount}', true), seg('。')],
      'window-closing': [seg('「{title}」将于{deadline}截止申请'), seg('，{amount}', true), seg('。')],
      'policy-changed': [seg('「{title}」政策有调整'), seg('，您的结果：{status}', true), seg('，{amount}', true), seg('。')],
      'no-longer-eligible': [seg('按最新信息，您暂不符合「{title}」'), seg('。')],
    },
    smsDigest: [seg('您有{count}项政策消息：{titles}'), seg('。')],
    smsDigestShort: [seg('您有{count}项政策消息，含「{first}」等'), seg('。')],
    smsFallback: [seg('您有新的政策消息。')],
    chat: {
      'newly-eligible': ['您好！根据您登记的信息，您可能符合「{title}」。', '可享受：{amount}', '申请截止：{deadline}', '依据：\n{reasons}', '办理地点：{where}', '需带材料：{documents}'],
      'needs-info': ['您好！您可能符合「{title}」，还差一项信息就能确定。', '可享受：{amount}', '请问：{question}'],
      'window-closing': ['提醒：「{title}」将于{deadline}截止申请，请尽快办理。', '可享受：{amount}', '办理地点：{where}', '需带材料：{documents}'],
      'policy-changed': ['「{title}」政策有调整。', '您的结果：{previousStatus} → {status}', '金额：{previousAmount} → {amount}', '依据：\n{reasons}', '请问：{question}'],
      'no-longer-eligible': ['按最新信息，您暂不符合「{title}」的条件。', '原因：\n{reasons}'],
    },
    chatDigestHead: '您有{count}项政策消息：',
    words: {
      sep: '、',
      ellipsis: '…',
      status: wordsFor('zh-CN').status,
      link: '回1查看详情',
      optOut: '回T退订',
      tail: '{link}，{optOut}',
      reasonBullet: '· ',
    },
  },
  en: {
    sms: {
      'newly-eligible': [seg('You may qualify: "{title}"'), seg(', {amount}', true), seg('; apply by {deadline}', true), seg('.')],
      'needs-info': [seg('You may qualify: "{title}"'), seg('; we need your {field}', true), seg(', {amount}', true), seg('.')],
      'window-closing': [seg('"{title}" closes on {deadline}'), seg(', {amount}', true), seg('.')],
      'policy-changed': [seg('"{title}" has changed'), seg('; you are now: {status}', true), seg(', {amount}', true), seg('.')],
      'no-longer-eligible': [seg('No longer eligible: "{title}"'), seg('.')],
    },
    smsDigest: [seg('{count} policy updates: {titles}'), seg('.')],
    smsDigestShort: [seg('{count} policy updates, incl. "{first}"'), seg('.')],
    smsFallback: [seg('Policy news for you.')],
    chat: {
      'newly-eligible': ['Hello! From what you told us, you may qualify for "{title}".', 'Benefit: {amount}', 'Apply by: {deadline}', 'Why:\n{reasons}', 'Where to apply: {where}', 'Bring: {documents}'],
      'needs-info': ['Hello! You may qualify for "{title}"; one more answer will settle it.', 'Benefit: {amount}', 'Question: {question}'],
      'window-closing': ['Reminder: "{title}" closes on {deadline}; please apply soon.', 'Benefit: {amount}', 'Where to apply: {where}', 'Bring: {documents}'],
      'policy-changed': ['"{title}" has changed.', 'Your result: {previousStatus} → {status}', 'Amount: {previousAmount} → {amount}', 'Why:\n{reasons}', 'Question: {question}'],
      'no-longer-eligible': ['On current information you no longer qualify for "{title}".', 'Why:\n{reasons}'],
    },
    chatDigestHead: 'You have {count} policy updates:',
    words: {
      sep: ', ',
      ellipsis: '…',
      status: wordsFor('en').status,
      link: 'Reply 1: info',
      optOut: 'Reply T to opt out',
      tail: ' {link}. {optOut}',
      reasonBullet: '- ',
    },
  },
};
