export { converse, MAX_INBOUND, MAX_RETRIES } from './converse.js';
export { initialState } from './state.js';
export { INTENTS, detectIntent, type IntentDef, type IntentName, type Intent } from './intents.js';

export { renderSmsReply, renderChatReply } from './render.js';
export type { ConversationState, ConverseOptions, ConverseResult, ConverseChannel, Content, Block, ListItem } from './types.js';
