// Checks the built package as a consumer sees it: ESM and CJS entry points, types, and the bin.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const fail = (msg) => {
  console.error(`package smoke: ${msg}`);
  process.exit(1);
};

const esm = await import('guiyan');
const cjs = require('guiyan');
const node = await import('guiyan/node');
for (const name of ['parsePolicies', 'createMatcher', 'ProfileSchema', 'PolicySchema', 'PolicyValidationError', 'ProfileValidationError', 'toSql', 'registerDdl']) {
  if (!(name in esm)) fail(`ESM build lacks ${name}`);
  if (!(name in cjs)) fail(`CJS build lacks ${name}`);
}
if (typeof node.loadPolicyDir !== 'function') fail('guiyan/node lacks loadPolicyDir');
if (typeof node.openStore !== 'function') fail('guiyan/node lacks openStore');
// The drivers are optional peers: loading guiyan/node must not load them.
if (Object.keys(require.cache).some((k) => /node_modules[\\/](better-sqlite3|pg)[\\/]/.test(k))) fail('guiyan/node loads a database driver before a store is opened');
{
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const store = await node.openStore(join(mkdtempSync(join(tmpdir(), 'guiyan-smoke-')), 's.db'));
  if ((await store.counts()).people !== 0) fail('a new store is not empty');
  await store.close();
}
for (const cond of ['import', 'require']) {
  for (const entry of ['.', './node']) {
    const types = pkg.exports[entry][cond].types;
    if (!existsSync(new URL(`../../${types}`, import.meta.url))) fail(`missing ${types}`);
  }
}
// One core for both entry points, in each module system: an error from guiyan/node is guiyan's class.
const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
const bad = mkdtempSync('/tmp/guiyan-smoke-');
writeFileSync(`${bad}/broken.yaml`, 'id: [\n');
const thrown = async (load) => load(bad).then(() => null, (e) => e);
if (!((await thrown(node.loadPolicyDir)) instanceof esm.PolicyValidationError)) fail('ESM: an error from guiyan/node is not instanceof PolicyValidationError from guiyan');
if (!((await thrown(require('guiyan/node').loadPolicyDir)) instanceof cjs.PolicyValidationError)) fail('CJS: an error from guiyan/node is not instanceof PolicyValidationError from guiyan');
rmSync(bad, { recursive: true, force: true });
const policies = await node.loadPolicyDir('rules');
const bundled = await node.loadBundledPolicies();
if (bundled.length !== policies.length) fail(`loadBundledPolicies gave ${bundled.length} policies, rules/ holds ${policies.length}`);
if (!existsSync(require.resolve('guiyan/rules/national/cn-guarantee-loan-individual.yaml'))) fail('guiyan/rules/* is not exported');
if ((await import('guiyan/rules/policy.schema.json', { with: { type: 'json' } })).default.type !== 'object') fail('guiyan/rules/policy.schema.json is not the rule schema');
const m = esm.createMatcher(policies);
const out = m.evaluate({ id: 'smoke', groups: ['veteran'], hasOtherLoans: false }, { asOf: '2024-05-01' });
if (!out.some((e) => e.policyId === 'cn-guarantee-loan-individual' && e.status === 'eligible')) fail('built matcher gives a wrong verdict');
const help = execFileSync(process.execPath, [pkg.bin.guiyan, '--help'], { encoding: 'utf8' });
if (!help.includes('match')) fail('bin --help does not list match');
console.log(`package smoke: ESM, CJS (one core each), guiyan/node, types and bin OK (${policies.length} rules)`);
