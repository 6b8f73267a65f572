export { understand, type Understanding, type UnderstandOptions, type UnderstoodIntent, type Fact } from './understand.js';
export { findNumbers, chineseToNumber, type NumberValue, type NumberMention } from './numbers.js';
export { findDates, birthRangeForAge, type DateValue, type DateMention } from './dates.js';
