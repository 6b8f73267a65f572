import * as L from './lexicon.js';

/** How a message is normalised and cut before it is read: folding, typos, bare and plain forms, clauses. */

/** Folded for matching: NFKC, simplified characters, lower case, one space. */
export const fold = (text: string) =>
  [...text.normalize('NFKC')]
    .map((ch) => L.TRADITIONAL[ch] ?? ch)
    .join('')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
/** Slips of the keyboard read as meant. */
export const mend = (t: string) => L.TYPOS.reduce((x, [re, to]) => x.replace(re, to), t);
/** Spaces, punctuation and a leading 我说 gone: the message as one run of characters. */
export const bare = (t: string) => t.replace(/[\s。.!！~～,，、;；…]+/gu, '').replace(/^(?:我|俺|咱)?(?:说)?/u, '');
/** Punctuation gone, spaces kept: for whole-message English forms ("not sure", "none of them"). */
export const plain = (t: string) => t.replace(/[。.!！~～,，、;；…?？]+/gu, ' ').replace(/\s+/g, ' ').trim();
/** A whole-message form, also when said twice or thrice: 没有没有, 是是是, 嗯嗯. */
export const whole = (re: RegExp, t: string) =>
  re.test(bare(t)) || re.test(plain(t)) || re.test(bare(t).replace(/^(.+?)\1+$/u, '$1')) || re.test(bare(t).replace(/(?<=.)[啊呀哦呢嘛吧啦了哈]+$/u, ''));
/** 十几个, 几十亩, 二十几岁: approximate numbers, not questions. */
export const approxNumbers = (t: string) => t.replace(/[一二三四五六七八九十百千万\d]几|几[十百千万]/gu, '0');
export const any = (res: readonly RegExp[], t: string) => res.some((r) => r.test(t));

/** Splits a message into clauses; a question clause gives no facts, a statement beside it may. */
export const clausesOf = (t: string) => t.split(/[。！!；;\n]|[，,](?=.)|(?<=[?？])/u).map((c) => c.trim()).filter(Boolean);
