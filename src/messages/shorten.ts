/**
 * Cutting text without breaking a word or a number: a title is split into tokens (a number with
 * its unit such as 20万元 or 2023年, an ASCII word, a space, or one other character) and cut only
 * between tokens.
 */
const TOKEN_RE = /\d[\d.,]*(?:[万亿千百]*(?:元|亩|人|年|个月|月|日|天|号|%))?|[A-Za-z0-9]+(?:['’\-.][A-Za-z0-9]+)*|\s+|[\s\S]/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

const TRAILING = /[\s,，、:：;；(（\-—·]+$/u;

/** The first `n` tokens of `text`, trailing separators removed, with `ellipsis` when anything was cut. */
export function cutTokens(parts: readonly string[], n: number, ellipsis: string): string {
  if (n >= parts.length) return parts.join('');
  return parts.slice(0, n).join('').replace(TRAILING, '') + ellipsis;
}

/**
 * The longest shortening of `text` for which `fits` holds, or null when not even one token fits.
 * Tries token counts from the whole text down, so the result is as long as allowed.
 */
export function shortenToFit(text: string, ellipsis: string, fits: (candidate: string) => boolean): string | null {
  const parts = tokens(text);
  for (let n = parts.length; n >= 1; n--) {
    const candidate = cutTokens(parts, n, ellipsis);
    if (fits(candidate)) return candidate;
  }
  return null;
}
