export { rankProfile, compareRecommendations, type Recommendation, type RecommendOptions, type ScoreBreakdown } from './rank.js';
export { bundle, conflict, EXHAUSTIVE_LIMIT, type Bundle, type SetAside } from './bundle.js';
export { nearMiss, type NearMiss, type Change, type Deadline } from './near-miss.js';
export { carriedBy } from './why.js';
export { DEFAULT_WEIGHTS, LOAN_WORTH, NEED_KINDS, type RankWeights } from './score.js';
