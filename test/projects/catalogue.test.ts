import { describe, expect, it } from 'vitest';
import { runProjectCases } from '../../src/index.js';
import { loadProjects } from './helpers.js';

const projects = loadProjects();
const results = runProjectCases(projects);

describe('the sample project catalogue', () => {
  it('holds at least 30 sample projects across the seed\u2019s five regions', () => {
    expect(projects.length).toBeGreaterThanOrEqual(30);
    expect(projects.every((p) => p.sample)).toBe(true);
    const provinces = new Set(projects.flatMap((p) => p.regions.map((r) => r.slice(0, 2))));
    expect([...provinces].sort()).toEqual(['15', '45', '50', '53', '61']);
    for (const industry of ['tea', 'greenhouse', 'aquaculture', 'farm-machinery', 'agritourism', 'e-commerce'])
      expect(projects.some((p) => p.industries.includes(industry)), industry).toBe(true);
  });

  it('carries embedded cases for every project', () => {
    const withCases = new Set(results.map((r) => r.projectId));
    expect(projects.filter((p) => !withCases.has(p.id)).map((p) => p.file)).toEqual([]);
  });

  it.each(results.map((r) => [`${r.file} › ${r.name}`, r] as const))('%s', (_name, r) => {
    expect(r.problems).toEqual([]);
  });
});
