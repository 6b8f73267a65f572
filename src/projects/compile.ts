import { dayOf } from '../core/dates.js';
import { compileCondition, type CompiledNode, type FactTable, type ParamTable } from '../engine/index.js';
import { regionPrefix } from '../regions/codes.js';
import type { Project } from './schema.js';

/** A project compiled once at load: its `suits` as closures, its window as day numbers. */
export interface CompiledProject {
  readonly project: Project;
  readonly index: number;
  readonly suits: CompiledNode;
  readonly from: number;
  readonly to: number;
  /** Region prefixes of the project's sites. */
  readonly prefixes: readonly string[];
}

/** Compiles `suits` with the policy compiler; projects carry no dated parameters. */
export function compileProject(project: Project, index: number, facts: FactTable, params: ParamTable): CompiledProject {
  const scope = { facts, params, paramSlots: new Map<string, number>() };
  return {
    project,
    index,
    suits: compileCondition(project.suits, scope, 'suits'),
    from: project.validFrom ? dayOf(project.validFrom) : Number.NEGATIVE_INFINITY,
    to: project.validTo ? dayOf(project.validTo) : Number.POSITIVE_INFINITY,
    prefixes: project.regions.map(regionPrefix),
  };
}

export const projectOpen = (cp: CompiledProject, day: number): boolean => cp.from <= day && day <= cp.to;
