import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyDir, loadProjectDir } from '../../src/node/index.js';
import { PolicyValidationError } from '../../src/index.js';
import { ROOT } from '../helpers/rules.js';

describe('loadProjectDir', () => {
  it('loads every project under rules/projects, while loadPolicyDir leaves them out', async () => {
    const projects = await loadProjectDir(join(ROOT, 'rules', 'projects'));
    expect(projects.length).toBeGreaterThanOrEqual(30);
    expect(projects.every((p) => p.file?.includes('projects'))).toBe(true);
    const policies = await loadPolicyDir(join(ROOT, 'rules'));
    expect(policies.some((p) => projects.some((x) => x.id === p.id))).toBe(false);
  });

  it('reports an empty directory and a broken file with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guiyan-projects-'));
    await expect(loadProjectDir(dir)).rejects.toMatchObject({ issues: [{ code: 'no_projects' }] });
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad-project\ntitle: { zh-CN: 坏 }\nregions: [451402]\n');
    const err = await loadProjectDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyValidationError);
    expect((err as PolicyValidationError).issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['capitalNeeded', 'contact', 'regions']));
  });
});
