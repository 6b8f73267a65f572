/**
 * The layer order of src/: each layer imports only from layers below it, and nothing imports in a
 * cycle. `npm test` runs this (`npm run check:deps`).
 *
 *   base (core, regions, profile) → terms → ops → policy → engine → features → store → node → cli
 *
 * `terms` are the words of the rule language every operator builds on (values, measures, field
 * paths, limits: src/policy/terms.ts, errors.ts). Each operator in src/ops/ declares its own piece
 * of the rule-file schema from them, and the policy language (schema, parsing, checks) is assembled
 * from the registered operators, so it sits above ops.
 *
 * Features (recommend, ask, search, projects, officers, screen, messages, converse, understand, followup, lint, sql,
 * and the `matcher` facade that joins them) may use one another, without cycles. The screening
 * store (SQLite, PostgreSQL; drivers loaded lazily) sits above them, reached only from node and cli.
 *
 * Above the engine, src/engine/ is reached only through its interface, src/engine/index.ts.
 */
const layers = [
  ['base', '^src/(core|regions|profile)/'],
  ['terms', '^src/policy/(terms|errors)[.]ts$'],
  ['ops', '^src/ops/'],
  ['policy', '^src/policy/(?!(terms|errors)[.]ts$)'],
  ['engine', '^src/engine/'],
  ['features', '^src/(recommend|ask|search|projects|officers|screen|messages|converse|understand|followup|lint|matcher|sql)/|^src/index\\.ts$'],
  ['store', '^src/store/'],
  ['node', '^src/node/'],
  ['cli', '^src/cli/'],
];

const upward = layers.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may not import from a layer above it`,
  severity: 'error',
  from: { path },
  to: { path: layers.slice(i + 1).map(([, p]) => p).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import cycles make load order and layering unclear',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'every-module-in-a-layer',
      comment: 'a new folder under src/ needs a place in the layer order above',
      severity: 'error',
      from: { path: '^src/', pathNot: layers.map(([, p]) => `(${p})`).join('|') },
      to: { path: '^src/' },
    },
    {
      name: 'engine-through-its-interface',
      comment: 'outside src/engine/, the engine is reached only through src/engine/index.ts (its interface)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/index[.]ts$' },
    },
    {
      name: 'src-not-from-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs'] },
  },
};
