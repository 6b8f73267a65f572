import type { Locale } from '../core/text.js';
import type { LatinReader } from '../regions/names.js';

/** What a message asks for. */
export type UnderstoodIntent = 'answer' | 'question' | 'opt-out' | 'opt-in' | 'human' | 'correction' | 'restart' | 'details' | 'search' | 'greeting' | 'unclear';

/** A value read from the text: exact, or an inclusive range for an approximate answer. */
export type FactValue = unknown;
/** A value read from a message for one profile field. */
export interface Fact {
  field: string;
  value: FactValue;
}

/** Options of `understand`. */
export interface UnderstandOptions {
  /** The field just asked (a profile dot path). */
  expecting?: string | null | undefined;
  /** Anchors relative dates (去年, 三年前) and ages; the core reads no clock, so without it they are not read. */
  asOf?: Date | string | undefined;
  locale?: Locale | undefined;
  /** Reads places written in pinyin beyond the English names kept with the codes (pass `pinyinReader`). */
  pinyin?: LatinReader | undefined;
}

/** What `understand` read from one message. */
export interface Understanding {
  intent: UnderstoodIntent;
  facts: Fact[];
  /** Values read but impossible for their field (a staff of 200000, a birth year in the future): re-ask. */
  rejected?: { field: string; text: string }[];
  /** The person does not know the answer to the question asked (不晓得, not sure). */
  dontKnow?: true;
  /** What a question is about: documents, where, how, interest, amount, why, meaning, deadline. */
  topic?: string;
  /** The word a 'meaning' question asks about (个体工商户是啥意思 → 个体工商户). */
  term?: string;
  /** The list number a 'details' message names (详情2 → 2). */
  n?: number;
  /** Places the text could mean when it does not settle one (朝阳区). */
  regionCandidates?: string[];
  /** The answer a correction names without giving a new value ("改一下毕业时间"). */
  target?: string;
}
