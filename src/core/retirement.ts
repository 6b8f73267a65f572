/**
 * Statutory retirement age under 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定
 * (2024-09-13) and its 实施办法 (附件: 对照表), from 2025-01-01: men 60 → 63 and women in cadre posts
 * 55 → 58, one month more for every 4 months of birth cohort; women in worker posts 50 → 55, one month
 * more for every 2 months. The first cohort raised is the one that reached the old age in January 2025
 * (men born 1965-01, women cadres 1970-01, women workers 1975-01); the last step is reached by men
 * and women cadres born 1976-09 / 1981-09 and later, women workers born 1984-11 and later.
 */

/** Which schedule applies: men, women in cadre posts (管理和专业技术岗位), women in worker posts. */
export type RetirementSchedule = 'male' | 'female-cadre' | 'female-worker';

interface Schedule {
  /** The old age, in months. */
  base: number;
  /** The first birth month raised, as year * 12 + (month − 1). */
  first: number;
  /** Birth months per one more month. */
  step: number;
  /** The most months added. */
  most: number;
}

export const RETIREMENT_SCHEDULES: Readonly<Record<RetirementSchedule, Schedule>> = Object.freeze({
  male: { base: 720, first: 1965 * 12, step: 4, most: 36 },
  'female-cadre': { base: 660, first: 1970 * 12, step: 4, most: 36 },
  'female-worker': { base: 600, first: 1975 * 12, step: 2, most: 60 },
});

/**
 * The statutory retirement age in months for a birth year and month (1–12).
 *
 * @example retirementAgeMonths(1965, 1, 'male') // 721 (60 years 1 month)
 */
export function retirementAgeMonths(year: number, month: number, schedule: RetirementSchedule): number {
  const s = RETIREMENT_SCHEDULES[schedule];
  const k = year * 12 + (month - 1) - s.first;
  return k < 0 ? s.base : s.base + Math.min(s.most, Math.floor(k / s.step) + 1);
}

const ALL: readonly RetirementSchedule[] = ['male', 'female-cadre', 'female-worker'];
const WOMEN: readonly RetirementSchedule[] = ['female-cadre', 'female-worker'];

/**
 * The schedules a person's answers leave open: one when gender (and, for a woman, post) is known;
 * several while they are unanswered. Flexibly employed women kept 55 as their old age (实施办法),
 * so they follow the cadre schedule.
 */
export function schedulesOf(gender: unknown, postType: unknown): readonly RetirementSchedule[] {
  const women = postType === 'cadre' || postType === 'flexible' ? (['female-cadre'] as const) : postType === 'worker' ? (['female-worker'] as const) : WOMEN;
  if (gender === 'male') return ['male'];
  if (gender === 'female') return women;
  return gender === undefined ? (women === WOMEN ? ALL : ['male', ...women]) : [];
}

/**
 * Months left before the statutory retirement age (0 once it is reached), for a birth month and
 * full months of age. Known whenever every schedule the answers leave open gives the same number —
 * a woman of 60 born in 1965 is past it in any post — else undefined; null when no schedule applies.
 *
 * @example monthsToRetirement(1965, 1, 720, 'male', undefined) // 1
 */
export function monthsToRetirement(year: number, month: number, ageMonths: number, gender: unknown, postType: unknown): number | null | undefined {
  const open = schedulesOf(gender, postType);
  if (open.length === 0) return null;
  let value: number | undefined;
  for (const s of open) {
    const left = Math.max(0, retirementAgeMonths(year, month, s) - ageMonths);
    if (value !== undefined && left !== value) return undefined;
    value = left;
  }
  return value;
}
