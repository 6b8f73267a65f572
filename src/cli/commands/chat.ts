import { createInterface } from 'node:readline';
import { converse, type ConversationState, type ConverseChannel } from '../../converse/index.js';
import { formatDay } from '../../core/dates.js';
import { maskText } from '../../core/mask.js';
import { smsParts } from '../../messages/sms.js';
import { pinyinReader } from '../../search/pinyin.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher, readOfficers } from '../io.js';
import { engineOf } from '../../matcher/create.js';

export const chat: Command = {
  name: 'chat',
  async run(io) {
    const { values, positionals } = parse(io.argv, {
      channel: { type: 'string', default: 'sms' },
      signature: { type: 'string' },
      'part-cap': { type: 'string', default: '1' },
      officers: { type: 'string' },
    });
    if (values.help) return io.stdout(helpOf('chat', values.locale)), 0;
    if (positionals.length) throw new UsageError((u) => u.takes.noFile);
    const channel = values.channel as ConverseChannel;
    if (channel !== 'sms' && channel !== 'chat') throw new UsageError((u) => u.oneOf('--channel', 'sms, chat'));
    const partCap = Number(values['part-cap']);
    if (!(Number.isInteger(partCap) && partCap >= 1)) throw new UsageError((u) => u.wholeNumber('--part-cap', 1));
    const locale = localeOf(values.locale);
    const matcher = await loadMatcher(values.rules);
    // The date is read once here, at the edge, so the whole conversation agrees on it.
    const asOf = formatDay(engineOf(matcher).day(values['as-of']));
    const officers = values.officers ? await readOfficers(values.officers) : undefined;
    const opts = { matcher, asOf, channel, locale, partCap, ...(values.signature !== undefined ? { signature: values.signature } : {}), ...(officers ? { officers } : {}), pinyin: pinyinReader };
    let state: ConversationState | undefined;
    let turn = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      const r = converse(state, line, opts);
      state = r.state;
      turn++;
      if (values.json) {
        io.stdout(JSON.stringify({ turn, inbound: maskText(line), reply: r.reply, ...(channel === 'sms' && r.reply !== null ? { parts: smsParts(r.reply) } : {}), pending: state.pending }));
        continue;
      }
      // Piped input is echoed so the output reads as a transcript; a terminal shows it already.
      if (!io.isTTY) io.stdout(`> ${maskText(line)}`);
      if (r.reply !== null) io.stdout(`${r.reply}\n`);
    }
    return 0;
  },
};
