import Datastore from '@seald-io/nedb'
import { join } from 'node:path'
import { toShanghaiIso } from '../../../../src/domain/time'
import type { Clock, MessageSender, OutgoingMessage, SendResult } from '../../ports'

export interface OutboxMessage extends OutgoingMessage {
  sentAt: string
}

/** The local stand-in for WeChat's subscribeMessage.send: every message lands in a persistent outbox. */
export class OutboxSender implements MessageSender {
  private seq = 0

  private constructor(
    private readonly store: Datastore<OutboxMessage & { _id: string; seq: number }>,
    private readonly clock: Clock,
  ) {}

  static async open(dir: string | null, clock: Clock): Promise<OutboxSender> {
    const store = new Datastore<OutboxMessage & { _id: string; seq: number }>(
      dir ? { filename: join(dir, 'outbox.db') } : { inMemoryOnly: true },
    )
    await store.loadDatabaseAsync()
    const sender = new OutboxSender(store, clock)
    const last = await store.findAsync({}).sort({ seq: -1 }).limit(1)
    sender.seq = last[0]?.seq ?? 0
    return sender
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    this.seq += 1
    await this.store.insertAsync({ ...message, sentAt: toShanghaiIso(this.clock.now()), seq: this.seq } as OutboxMessage & {
      _id: string
      seq: number
    })
    return { ok: true }
  }

  /** Every message sent, oldest first. */
  async messages(): Promise<OutboxMessage[]> {
    const docs = await this.store.findAsync({}).sort({ seq: 1 })
    return docs.map(({ _id, seq, ...m }) => m)
  }
}
