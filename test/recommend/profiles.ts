import fc from 'fast-check';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const date = fc.integer({ min: 0, max: 20_500 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/** Partly answered profiles across the seed's places, as plain JSON with the given id. */
export const arbPartProfile = (id: string) =>
  fc
    .record({
      regionCode: maybe(fc.constantFrom('500154', '451402', '530621', '530602', '610902', '152921')),
      groups: maybe(fc.subarray(['returning-migrant-worker', 'college-graduate', 'poverty-alleviated', 'registered-unemployed'])),
      hasOtherLoans: maybe(fc.boolean()),
      birthDate: maybe(date),
      returnDate: maybe(fc.option(date, { nil: null })),
      graduationDate: maybe(fc.option(date, { nil: null })),
      unemployedSince: maybe(fc.option(date, { nil: null })),
      needs: maybe(fc.subarray(['financing', 'land', 'subsidy', 'tax', 'site', 'training'])),
      business: maybe(
        fc.record({
          form: maybe(fc.constantFrom('individual-business', 'small-micro-enterprise', 'cooperative')),
          registeredAt: maybe(date),
          employees: maybe(fc.integer({ min: 0, max: 300 })),
          newHiresFromGroups: maybe(fc.integer({ min: 0, max: 40 })),
          wageArrears: maybe(fc.boolean()),
        }),
      ),
      land: maybe(fc.record({ transferredMu: maybe(fc.integer({ min: 0, max: 3000 })), contractYears: maybe(fc.integer({ min: 0, max: 30 })) })),
    })
    .map((r) => JSON.parse(JSON.stringify({ id, ...r })) as Record<string, unknown> & { id: string });
