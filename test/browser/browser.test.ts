import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build.js';
import { filesUnder, ROOT } from '../helpers/rules.js';
import * as guiyan from '../../src/index.js';
import { APPS, USES, type AppInput, type AppName } from './apps.js';

/**
 * The built package in a real browser: apps that import `guiyan` are bundled by esbuild for the
 * browser (a Node built-in anywhere in the core fails the build), run in headless Chromium, and their
 * results read back from the page must equal the same calls made in Node.
 */
const CHROMIUM = process.env.GUIYAN_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`browser tests skipped: no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium)`);

/** The gzip budget of an app that parses, compiles and evaluates (no search, no conversation). */
const EVALUATE_BUDGET = 150 * 1024;

interface Bundle {
  code: string;
  gzip: number;
  inputs: string[];
}

async function bundle(name: AppName): Promise<Bundle> {
  const names = USES[name].join(', ');
  const source = `import { ${names} } from 'guiyan';\nimport { APPS } from ${JSON.stringify(join(ROOT, 'test', 'browser', 'apps.ts'))};\nwindow.__result = APPS.${name}({ ${names} }, window.__input);\n`;
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: `${name}.js`, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.text;
  const meta: Metafile = out.metafile;
  // Files that put bytes into the bundle (a module reached but fully shaken off adds none).
  const used = Object.entries(Object.values(meta.outputs)[0]!.inputs).filter(([, v]) => v.bytesInOutput > 0);
  return { code, gzip: gzipSync(code, { level: 9 }).length, inputs: used.map(([k]) => k) };
}

const ruleSources = filesUnder(join(ROOT, 'rules'), /\.ya?ml$/)
  .filter((f) => !relative(join(ROOT, 'rules'), f).startsWith('projects'))
  .map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

const input: AppInput = {
  sources: ruleSources,
  profile: { id: 'browser-1', birthDate: '1990-04-02', regionCode: '451402', groups: ['returning-migrant-worker'], returnDate: '2025-03-01', business: { form: 'individual-business', employees: 2 } },
  asOf: '2026-06-01',
  messages: ['你好', '我想贷款', '是'],
  query: 'daikuan',
};

describe.skipIf(!hasChromium)('guiyan in a browser', () => {
  const bundles = new Map<AppName, Bundle>();
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    ensureBuilt();
    for (const name of Object.keys(APPS) as AppName[]) bundles.set(name, await bundle(name));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 300_000);
  afterAll(async () => browser?.close());

  it('bundles for the browser without Node built-ins, the evaluate app within its budget and without the pinyin tables', () => {
    const evaluate = bundles.get('evaluate')!;
    const full = bundles.get('full')!;
    console.log(`browser apps, gzip: evaluate ${(evaluate.gzip / 1024).toFixed(1)} kB, with search and conversation ${(full.gzip / 1024).toFixed(1)} kB`);
    for (const b of [evaluate, full]) expect(b.inputs.filter((i) => /^(node:)?(fs|path|url|os|worker_threads|child_process|module)(\/|$)/.test(i))).toEqual([]);
    expect(evaluate.gzip).toBeLessThanOrEqual(EVALUATE_BUDGET);
    expect(evaluate.inputs.some((i) => i.includes('node_modules/pinyin-pro/'))).toBe(false);
    expect(full.inputs.some((i) => i.includes('node_modules/pinyin-pro/'))).toBe(true);
    // Both apps import the built package, not the sources.
    for (const b of [evaluate, full]) expect(b.inputs.some((i) => i.startsWith('dist/'))).toBe(true);
  });

  it.each(Object.keys(APPS) as AppName[])('the %s app gives in Chromium what the same calls give in Node', async (name) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>guiyan</title><body></body>');
    await page.evaluate((i) => void ((globalThis as unknown as { __input: AppInput }).__input = i), input);
    await page.addScriptTag({ content: bundles.get(name)!.code });
    const inPage = await page.evaluate(() => JSON.stringify((globalThis as unknown as { __result: unknown }).__result));
    const engine = await page.evaluate(() => typeof (globalThis as { process?: unknown }).process);
    await page.close();
    expect(errors).toEqual([]);
    expect(engine).toBe('undefined');
    const inNode = JSON.parse(JSON.stringify(APPS[name](guiyan, input)));
    expect(JSON.parse(inPage)).toEqual(inNode);
    expect(JSON.stringify(inNode)).toMatch(/eligible/);
  });
});
