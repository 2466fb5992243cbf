/**
 * For the study hooks' tests: the server as H5's fetch sees it, answering each action with its
 * data, or with an error envelope, and recording what was sent in order.
 */
import type { ActionName, Result } from '../../services/call'

type Answer<K extends ActionName> = Result<K> | { error: { code: string; message: string; field?: string; detail?: string } }
export type Answers = { [K in ActionName]?: Answer<K> | (() => Answer<K>) }

export function fakeServer(answers: Answers) {
  const sent: { action: string; payload: Record<string, unknown> }[] = []
  global.fetch = jest.fn(async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { action: ActionName; payload: Record<string, unknown> }
    sent.push(body)
    const given = answers[body.action]
    const answer = typeof given === 'function' ? given() : given
    const envelope =
      answer === undefined
        ? { ok: false, error: { code: 'INTERNAL', message: `no answer for ${body.action}` } }
        : typeof answer === 'object' && answer !== null && 'error' in answer
          ? { ok: false, error: answer.error }
          : { ok: true, data: answer }
    return { json: async () => envelope }
  }) as unknown as typeof fetch
  return { sent, actions: () => sent.map((s) => s.action), payloadOf: (action: string) => sent.find((s) => s.action === action)?.payload }
}
