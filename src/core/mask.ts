/**
 * Personal data never leaves the library whole: phone numbers become 138****1234 and
 * 18-digit ID numbers 5306**********1234, wherever they appear in a text.
 */
const ID_RE = /(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])/g;
const PHONE_RE = /(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![0-9])/g;

/**
 * A run of digits (ASCII or full-width) with single spaces, dots or dashes (also full-width)
 * between them: the spellings that slip past the patterns above (138.1234.5678, １３８１２３４５６７８,
 * 5306 0219 9001 0112 34). Masked when its digits make a phone or ID number.
 */
const RUN_RE = /(?<![0-9０-９])[+＋]?[0-9０-９](?:[ .\-\u3000．－]?[0-9０-９])+[Xx]?(?![0-9０-９])/g;

const asciiDigits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function maskRun(run: string): string {
  const digits = asciiDigits(run).replace(/[^0-9Xx]/g, '');
  const phone = digits.replace(/^86(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (/^\d{17}[\dXx]$/.test(digits)) return `${digits.slice(0, 4)}**********${digits.slice(-4)}`;
  return run;
}

/**
 * Masks phone numbers and ID numbers in free text (any spacing, dots or full-width digits) for logs and reports.
 *
 * @example
 * maskText('电话13812345678') // '电话138****5678'
 */
export function maskText(text: string): string {
  return text.replace(ID_RE, '$1**********$2').replace(PHONE_RE, '$1****$2').replace(RUN_RE, maskRun);
}

export function maskPhone(phone: string): string {
  // A +86 country code is not part of the number people recognise.
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Masks strings anywhere inside a JSON-like value. */
export function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskValue(v);
    return out;
  }
  return value;
}
