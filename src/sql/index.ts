export { toSql, MAX_POLICY_SQL, type ToSqlOptions, type SqlQuery, type SqlPolicy, type SqlUnsupported } from './compile.js';
export { registerDdl, registerRow, registerColumnNames, jsonColumns, columnName, REGISTER_COLUMNS, type RegisterColumn, type DdlOptions } from './layout.js';
export { DIALECTS, type DialectName } from './dialect.js';
