import { maskText } from '../core/mask.js';
import type { Channel, Delivery } from './types.js';

/** What a sender gets: the recipient in full (the gateway needs it) and the text. */
export interface OutgoingMessage {
  /** The delivery's stable id: a gateway that keeps it can refuse a repeat. */
  id?: string;
  profileId: string;
  to: string;
  text: string;
}

/** What a gateway answered for one message. */
export interface SendResult {
  ok: boolean;
  id?: string;
  error?: string;
}

/** An SMS gateway: the caller's connection to a carrier or an SMS platform. */
export interface SmsGateway {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A chat sender: a WeChat service account, a mini program or another messenger. */
export interface ChatSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/**
 * Keeps messages in memory, for tests and dry runs.
 *
 * @example
 * const gateway = new InMemorySmsGateway();
 * await dispatch(deliveries, { sms: gateway });
 */
export class InMemorySmsGateway implements SmsGateway {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<SendResult> {
    this.sent.push(message);
    return { ok: true, id: `sms-${this.sent.length}` };
  }
}

/**
 * Keeps chat messages in memory, for tests and dry runs.
 *
 * @example
 * const chat = new InMemoryChatSender();
 * await dispatch(deliveries, { chat });
 */
export class InMemoryChatSender implements ChatSender {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<SendResult> {
    this.sent.push(message);
    return { ok: true, id: `chat-${this.sent.length}` };
  }
}

/** Ids already handed to a gateway: a store's outbox, or a set for tests. */
export interface SentLedger {
  has(id: string): boolean | Promise<boolean>;
  add(id: string, at: Date): void | Promise<void>;
}

/** What a `dispatch` run sent, skipped and failed. */
export interface DispatchReport {
  sent: number;
  /** Deliveries the ledger already held: sent by an earlier run, not sent again. */
  skipped: number;
  failed: { profileId: string; channel: Channel; error: string }[];
  /** Not yet due (`sendAt` after `now`) or no sender for the channel; send them later. */
  pending: Delivery[];
}

/**
 * Sends the deliveries that are due; errors are reported per delivery (recipient masked) and
 * never stop the rest. With a `ledger`, ids it already holds are skipped and each sent id is added
 * to it right after the gateway accepts it: a crash in between repeats that one message under
 * the same id (which the gateway receives), never a new one.
 * @example await dispatch(deliveries, { sms: gateway }, { now: new Date(), ledger })
 */
export async function dispatch(deliveries: Iterable<Delivery> | AsyncIterable<Delivery>, senders: { sms?: SmsGateway; chat?: ChatSender }, opts: { now?: Date; ledger?: SentLedger } = {}): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, skipped: 0, failed: [], pending: [] };
  const ledger = opts.ledger;
  for await (const d of deliveries) {
    if (ledger && (await ledger.has(d.id))) {
      report.skipped++;
      continue;
    }
    const sender = d.channel === 'sms' ? senders.sms : senders.chat;
    if (!sender || (opts.now && Date.parse(d.sendAt) > opts.now.getTime())) {
      report.pending.push(d);
      continue;
    }
    try {
      const r = await sender.send({ id: d.id, profileId: d.profileId, to: d.to, text: d.text });
      if (r.ok) {
        report.sent++;
        await ledger?.add(d.id, opts.now ?? new Date(d.sendAt));
      }
      else report.failed.push({ profileId: d.profileId, channel: d.channel, error: maskText(r.error ?? 'rejected') });
    } catch (e) {
      report.failed.push({ profileId: d.profileId, channel: d.channel, error: maskText((e as Error).message ?? String(e)) });
    }
  }
  return report;
}
