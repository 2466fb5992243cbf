/**
 * For jest: the backend as H5 reaches it (fetch), answering each action from `answer`; a thrown
 * `{ code, message, field?, detail? }` becomes an error envelope. Records what was sent.
 */
export interface Sent {
  action: string
  payload: Record<string, unknown>
}

export type Refusal = { code: string; message: string; field?: string; detail?: string }

export function fakeServer(answer: (action: string, payload: Record<string, unknown>) => unknown) {
  const sent: Sent[] = []
  global.fetch = jest.fn(async (_url: string, init: { body: string }) => {
    const { action, payload } = JSON.parse(init.body) as Sent
    sent.push({ action, payload })
    try {
      const data = await answer(action, payload)
      return { json: async () => ({ ok: true, data }) }
    } catch (error) {
      return { json: async () => ({ ok: false, error: error as Refusal }) }
    }
  }) as unknown as typeof fetch
  return sent
}
