import { describe, expect, it } from 'vitest';
import { monthsToRetirement, retirementAgeMonths, schedulesOf, type RetirementSchedule } from '../../src/core/retirement.js';

const ym = (years: number, months = 0) => years * 12 + months;

/** Rows of the 对照表 (实施办法 附件): birth month → statutory retirement age. */
describe('the statutory retirement age by birth month, gender and post', () => {
  it.each<[RetirementSchedule, number, number, number]>([
    // men: 60 → 63, one month per 4 birth months from 1965-01
    ['male', 1964, 12, ym(60)],
    ['male', 1965, 1, ym(60, 1)],
    ['male', 1965, 4, ym(60, 1)],
    ['male', 1965, 5, ym(60, 2)],
    ['male', 1966, 1, ym(60, 4)],
    ['male', 1970, 1, ym(61, 4)],
    ['male', 1976, 8, ym(62, 11)],
    ['male', 1976, 9, ym(63)],
    ['male', 1993, 6, ym(63)],
    // women in cadre posts: 55 → 58 from 1970-01
    ['female-cadre', 1969, 12, ym(55)],
    ['female-cadre', 1970, 1, ym(55, 1)],
    ['female-cadre', 1970, 5, ym(55, 2)],
    ['female-cadre', 1981, 8, ym(57, 11)],
    ['female-cadre', 1981, 9, ym(58)],
    // women in worker posts: 50 → 55, one month per 2 birth months from 1975-01
    ['female-worker', 1974, 12, ym(50)],
    ['female-worker', 1975, 1, ym(50, 1)],
    ['female-worker', 1975, 2, ym(50, 1)],
    ['female-worker', 1975, 3, ym(50, 2)],
    ['female-worker', 1980, 1, ym(52, 7)],
    ['female-worker', 1984, 10, ym(54, 11)],
    ['female-worker', 1984, 11, ym(55)],
    ['female-worker', 1990, 1, ym(55)],
  ])('%s born %i-%i retires at %i months', (schedule, y, m, months) => {
    expect(retirementAgeMonths(y, m, schedule)).toBe(months);
  });

  it('never falls as the birth month moves later, and moves by at most one month per step', () => {
    for (const s of ['male', 'female-cadre', 'female-worker'] as const) {
      let last = retirementAgeMonths(1950, 1, s);
      for (let i = 1950 * 12 + 1; i < 2000 * 12; i++) {
        const r = retirementAgeMonths(Math.floor(i / 12), (i % 12) + 1, s);
        expect(r - last).toBeGreaterThanOrEqual(0);
        expect(r - last).toBeLessThanOrEqual(1);
        last = r;
      }
    }
  });

  it.each([
    [undefined, undefined, ['male', 'female-cadre', 'female-worker']],
    [undefined, 'worker', ['male', 'female-worker']],
    ['male', undefined, ['male']],
    ['male', 'worker', ['male']],
    ['female', undefined, ['female-cadre', 'female-worker']],
    ['female', 'cadre', ['female-cadre']],
    ['female', 'flexible', ['female-cadre']],
    ['female', 'worker', ['female-worker']],
  ])('gender %s and post %s leave the schedules %j open', (gender, post, open) => {
    expect(schedulesOf(gender, post)).toEqual(open);
  });

  it.each([
    ['a man one month short of 60y1m (born 1965-01)', 1965, 1, 720, 'male', undefined, 1],
    ['a man at 60y1m (born 1965-01)', 1965, 1, 721, 'male', undefined, 0],
    ['a woman of 58 born 1968, post unknown: past it in any post', 1968, 1, 58 * 12 + 3, 'female', undefined, 0],
    ['a woman of 52 born 1974, post unknown: the post decides', 1974, 3, 52 * 12, 'female', undefined, undefined],
    ['anyone of 70 born 1956: past it whatever the gender', 1956, 5, 70 * 12, undefined, undefined, 0],
    ['someone of 30, gender unknown: the months left differ', 1996, 5, 30 * 12, undefined, undefined, undefined],
  ])('%s', (_name, y, m, age, gender, post, want) => {
    expect(monthsToRetirement(y, m, age, gender, post)).toBe(want);
  });
});
