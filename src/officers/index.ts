export { OfficerSchema, parseOfficers, type Officer } from './schema.js';
export {
  assignOfficer,
  assignOfficers,
  createOfficerAssigner,
  type AssignOptions,
  type OfficerAssignment,
  type OfficerAssigner,
  type BatchAssignment,
} from './assign.js';
