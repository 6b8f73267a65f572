export { searchPolicies, SearchIndex, type PinyinReader, type SearchHit, type SearchOptions } from './search.js';
export { pinyinReader } from './pinyin.js';
export { SYNONYMS, type SynonymEntry } from './synonyms.js';
