import { parse } from 'yaml';
import { parseOverlays, parsePolicies, type PolicySource } from '../policy/parse.js';
import { isOverlayDocument, linkOverlays, type PolicyOverlay } from '../policy/overlay.js';
import { PolicyValidationError } from '../policy/errors.js';
import type { Policy } from '../policy/schema.js';
import { catalogueFindings, policyFindings } from './catalogue.js';
import { provenanceFindings } from './provenance.js';
import { fieldFindings } from './fields.js';
import { intervalFindings } from './intervals.js';
import { locator, type Locator } from './locate.js';
import { overlayFindings } from './overlays.js';
import type { Finding, LintFinding, LintOptions } from './types.js';

export type { LintFinding, LintOptions } from './types.js';

const key = (f: LintFinding) => `${f.file}|${f.path.join('.')}|${f.code}`;

/**
 * Checks rule files beyond loading them: misspelled fields, conditions that can never be true or
 * false, expired windows, stale parameters, dangling references, unflagged samples, thin sources.
 * Load errors come back as errors too, so one run shows everything.
 *
 * @example
 * const findings = lintSources([{ name: 'a.yaml', text }], { asOf: '2026-06-01' });
 */
export function lintSources(sources: readonly PolicySource[], o: LintOptions): LintFinding[] {
  const out: LintFinding[] = [];
  const policies: Policy[] = [];
  const where = new Map<Policy, { file: string; at: Locator }>();
  const overlays: PolicyOverlay[] = [];
  const overlayAt = new Map<PolicyOverlay, Locator>();
  for (const src of sources) {
    const at = locator(src.text);
    const place = (f: Finding): LintFinding => ({ ...f, file: src.name, ...at(f.path) });
    let data: unknown;
    try {
      data = parse(src.text, { maxAliasCount: 100, logLevel: 'error' });
    } catch {
      data = undefined;
    }
    const id = data && typeof data === 'object' && typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : undefined;
    out.push(...fieldFindings(data, id).map(place));
    try {
      if (isOverlayDocument(data)) {
        // Linked to their policies once every file is read.
        overlays.push(...parseOverlays([src]));
        overlayAt.set(overlays.at(-1)!, at);
        continue;
      }
      const [p] = parsePolicies([src]);
      if (p) {
        policies.push(p);
        where.set(p, { file: src.name, at });
        out.push(...[...intervalFindings(p), ...policyFindings(p, o), ...provenanceFindings(p, o)].map(place));
      }
    } catch (e) {
      if (!(e instanceof PolicyValidationError)) throw e;
      out.push(...e.issues.map((i) => ({ severity: 'error' as const, policyId: id, ...i })));
    }
  }
  const linked = linkOverlays(policies, overlays);
  for (const { overlay, ...f } of [...linked.issues.map((i) => ({ severity: 'error' as const, policyId: i.overlay.id, ...i })), ...linked.policies.flatMap(overlayFindings)])
    out.push({ ...f, file: overlay.file, ...overlayAt.get(overlay)!(f.path) });
  for (const f of catalogueFindings(policies)) {
    const w = where.get(policies.find((p) => p.id === f.policyId)!)!;
    out.push({ ...f, file: w.file, ...w.at(f.path) });
  }
  // Duplicate ids only show across files.
  const seen = new Map<string, string>();
  for (const p of policies) {
    const prev = seen.get(p.id);
    if (prev) out.push({ severity: 'error', code: 'duplicate_id', policyId: p.id, path: ['id'], file: p.file, ...where.get(p)!.at(['id']), message: `id "${p.id}" is also used in ${prev}` });
    else seen.set(p.id, p.file ?? '');
  }
  const unique = new Map<string, LintFinding>();
  for (const f of out) if (!unique.has(key(f))) unique.set(key(f), f);
  return [...unique.values()];
}
