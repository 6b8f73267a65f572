/**
 * Personal data never leaves the library whole: phone numbers become 138****1234 and
 * 18-digit ID numbers 5306**********1234, wherever they appear in a text.
 */
const ID_RE = /(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])/g;
const PHONE_RE = /(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![0-9])/g;

export function maskText(text: string): string {
  return text.replace(ID_RE, '$1**********$2').replace(PHONE_RE, '$1****$2');
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
