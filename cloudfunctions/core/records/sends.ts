/**
 * A reminder to one member goes out at most once: it is first claimed by inserting a send whose
 * id is the claim key (branch, event, moment, member), so a doubled or retried run finds the
 * claim and moves on. Then a credit is spent, the message sent, and the claim settled with what
 * happened; a failure gives the credit back so that a later run may try again.
 */
import type { Send } from '../../../types/models'
import { toShanghaiIso } from '../../../src/domain/time'
import type { Clock, Logger, MessageSender, OutgoingMessage, SendResult, Storage } from '../ports'
import { clearCredit, refundCredit, spendCredit } from './credits'
import { insertOnce } from './record-once'

/** WeChat's "the user has not subscribed" (no one-time credit left). */
export const ERR_NO_CREDIT = 43101

export type SendOutcome = 'sent' | 'failed' | 'noCredit' | 'skipped'

/** A new claim is inserted once; a retry takes over the failed attempt it read, if it still is that. */
function claim(storage: Storage, send: Send, retrying: Send | undefined): Promise<boolean> {
  if (!retrying) return insertOnce(storage, 'sends', send)
  return storage.updateWhere('sends', send.id, { state: 'failed', attempts: retrying.attempts }, {
    set: { state: 'claimed', claimedAt: send.claimedAt },
    inc: { attempts: 1 },
  })
}

async function sendSafely(sender: MessageSender, message: OutgoingMessage): Promise<SendResult> {
  try {
    return await sender.send(message)
  } catch (err) {
    return { ok: false, errCode: -1, errMsg: err instanceof Error ? err.message : String(err) }
  }
}

/** Claims `send` (or retakes `retrying`), spends the member's credit, sends and settles the claim. */
export async function sendOnce(
  ports: { storage: Storage; sender: MessageSender; clock: Clock; log: Logger },
  send: Send,
  message: OutgoingMessage,
  retrying: Send | undefined,
): Promise<SendOutcome> {
  const { storage } = ports
  const { id, memberId, kind } = send
  if (!(await claim(storage, send, retrying))) return 'skipped'
  if (!(await spendCredit(storage, memberId, kind))) {
    await storage.update('sends', id, { state: 'no_credit' })
    return 'noCredit'
  }
  const result = await sendSafely(ports.sender, message)
  if (result.ok) {
    await storage.update('sends', id, { state: 'sent', sentAt: toShanghaiIso(ports.clock.now()), errCode: null, errMsg: null })
    return 'sent'
  }
  if (result.errCode === ERR_NO_CREDIT) {
    await clearCredit(storage, memberId, kind)
    await storage.update('sends', id, { state: 'no_credit', errCode: result.errCode, errMsg: result.errMsg })
    return 'noCredit'
  }
  // WeChat did not deliver it, so the user's credit was not used: give it back and retry later.
  await refundCredit(storage, memberId, kind)
  await storage.update('sends', id, { state: 'failed', errCode: result.errCode, errMsg: result.errMsg.slice(0, 200) })
  ports.log.error('remind send failed', { sendId: id, errCode: result.errCode })
  return 'failed'
}
