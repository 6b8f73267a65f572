/**
 * SMS length as carriers count it. A text of GSM 03.38 characters only is sent 7-bit (160 per
 * message, 153 per part); anything else, Chinese included, is sent UCS-2 (70 per message, 67 per part),
 * counted in UTF-16 code units, so a character outside the BMP takes two.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters sent as escape + code: each counts twice. */
const GSM7_EXTENDED = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENDED = new Set(GSM7_EXTENDED);

export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;
export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;

/** True when every character of `text` has a GSM-7 code. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return false;
  return true;
}

/**
 * The length carriers count: GSM-7 septets, or UTF-16 code units for UCS-2.
 *
 * @example
 * smsLength('回T退订') // 4 (UCS-2)
 */
export function smsLength(text: string): number {
  if (!isGsm7(text)) return text.length;
  let n = 0;
  for (const ch of text) n += EXTENDED.has(ch) ? 2 : 1;
  return n;
}

/**
 * How many billed parts `text` takes (0 for an empty text).
 *
 * @example
 * smsParts('一'.repeat(71)) // 2: a long UCS-2 message goes in parts of 67
 */
export function smsParts(text: string): number {
  if (text.length === 0) return 0;
  const len = smsLength(text);
  const [single, part] = isGsm7(text) ? [GSM7_SINGLE, GSM7_PART] : [UCS2_SINGLE, UCS2_PART];
  return len <= single ? 1 : Math.ceil(len / part);
}

/** Whether `text` fits in `cap` parts. */
export const fitsSms = (text: string, cap: number): boolean => smsParts(text) <= cap;
