export { searchPolicies, SearchIndex, type SearchHit, type SearchOptions } from './search.js';
export { SYNONYMS, type SynonymEntry } from './synonyms.js';
