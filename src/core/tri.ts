/** Three-valued truth (Kleene): numbers so compiled closures compare ints, not strings. */
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = typeof F | typeof T | typeof U;

export type Status = 'eligible' | 'ineligible' | 'unknown';
export type Outcome = 'pass' | 'fail' | 'unknown';

export const triToStatus = (t: Tri): Status => (t === T ? 'eligible' : t === F ? 'ineligible' : 'unknown');
export const triToOutcome = (t: Tri): Outcome => (t === T ? 'pass' : t === F ? 'fail' : 'unknown');
export const notTri = (t: Tri): Tri => (t === U ? U : t === T ? F : T);

export function andTri(values: readonly Tri[]): Tri {
  let r: Tri = T;
  for (const v of values) {
    if (v === F) return F;
    if (v === U) r = U;
  }
  return r;
}

export function orTri(values: readonly Tri[]): Tri {
  let r: Tri = F;
  for (const v of values) {
    if (v === T) return T;
    if (v === U) r = U;
  }
  return r;
}
