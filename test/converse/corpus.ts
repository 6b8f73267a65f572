import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { initialState, parseOfficers, type ConversationState, type ConverseOptions, type Locale } from '../../src/index.js';
import { play, type Turn } from './helpers.js';

/** One scripted line and what its reply must show. */
export interface Expect {
  in: string;
  contains?: string[];
  notContains?: string[];
  matches?: string[];
  notMatches?: string[];
  /** The reply is null: nothing is sent. */
  silent?: boolean;
  maxParts?: number;
  /** Partial match of the state after the turn. */
  state?: Record<string, unknown>;
  /** Exact values of some state keys. */
  stateEquals?: Record<string, unknown>;
}

export interface Conversation {
  file: string;
  name: string;
  channel: 'sms' | 'chat';
  locale: Locale;
  signature?: string;
  partCap?: number;
  /** Pass fixtures/officers.json, for hand-offs. */
  officers?: boolean;
  start?: Partial<ConversationState>;
  turns: Expect[];
}

const DIR = join(import.meta.dirname, 'corpus');

/** Every scripted conversation of test/converse/corpus/*.yaml. */
export function loadCorpus(): Conversation[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => (parse(readFileSync(join(DIR, file), 'utf8')) as Omit<Conversation, 'file'>[]).map((c) => ({ file, ...c })));
}

const OFFICERS = parseOfficers(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'officers.json'), 'utf8')));

export function optionsOf(c: Conversation): Omit<ConverseOptions, 'matcher'> {
  return {
    channel: c.channel,
    locale: c.locale,
    ...(c.signature !== undefined ? { signature: c.signature } : {}),
    ...(c.partCap ? { partCap: c.partCap } : {}),
    ...(c.officers ? { officers: OFFICERS } : {}),
  };
}

/** Plays one scripted conversation; turn i answers `c.turns[i]`. */
export function playConversation(c: Conversation): Turn[] {
  const start = c.start ? ({ ...initialState(c.locale), ...c.start } as ConversationState) : undefined;
  return play(
    c.turns.map((t) => String(t.in)),
    optionsOf(c),
    start,
  );
}
