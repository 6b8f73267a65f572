export { nextQuestionFor, toQuestion, type Question, type NextQuestionOptions } from './question.js';
export { applyAnswer, readDate, readNumber, readRegion, type AnswerResult, type AnswerErrorCode } from './answer.js';
export { withAnswer } from './path.js';
