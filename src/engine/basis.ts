import { wordsFor } from '../core/catalogue/index.js';
import { formatMoney, pick, type Locale } from '../core/text.js';
import { regionName } from '../regions/codes.js';
import type { ParamTable } from './params.js';
import type { CompiledPolicy } from './policy.js';

/**
 * Which figure the amount used for each parameter regions may set: the overlay's, named by its
 * region ("重庆市：每户每年扣减限额2.4万元"), or the national range where no overlay covers the
 * person's region or the region is unknown. Undefined for amounts that read no such parameter.
 */
export function amountBasis(cp: CompiledPolicy, params: ParamTable, p: ArrayLike<number>, locale: Locale): string | undefined {
  if (cp.local.length === 0) return undefined;
  const w = wordsFor(locale);
  return cp.local
    .map(({ name, slot, param }) => {
      const what = param.description ? pick(param.description, locale) : name;
      const money = (x: number) => formatMoney(x, param.unit ?? 'CNY', locale);
      const e = params.overlayOf(p, slot);
      return e ? w.money.overlay(regionName(e.region, locale), what, money(p[slot]!), e.overlay.sample) : w.money.national(what, money(p[slot]!), money(p[slot + 1]!));
    })
    .join(w.list.clauses);
}
