/** branch.create (CONTRACT §5): a branch starts from the app with the deployment's setup code. */
import { fixedClock } from '../../../tests/support/clock'
import { recordingLogger } from '../../../tests/support/log'
import { failure, theDemoBranch } from '../../../tests/support/app'
import type { Ports } from '../ports'
import { createRouter } from '../router'
import { openLocalRuntime } from '../runtime/local'

const CODE = 'branch-test-setup-code'

async function anEmptyDeployment(setupCode = CODE) {
  const runtime = await openLocalRuntime({ dataDir: null, seed: false, log: recordingLogger() })
  const clock = fixedClock('2026-12-01T10:00:00+08:00')
  const ports: Ports = {
    ...runtime.ports,
    clock,
    secrets: { get: async (name) => (name === 'setup' ? setupCode : runtime.ports.secrets.get(name)) },
  }
  const handle = createRouter(ports)
  const as = (openid: string) => (action: string, payload: unknown) => handle({ action, payload }, { openid }) as Promise<any>
  return { as, storage: runtime.storage, clock }
}

const create = { name: '城东社区党支部', setupCode: CODE, secretaryName: '王书记' }

describe('branch.create', () => {
  it('makes the caller the new branch’s secretary, which session.me then answers', async () => {
    const { as } = await anEmptyDeployment()
    expect(await as('wx-new')('session.me', {})).toMatchObject({ ok: true, data: { member: null } })
    const created = await as('wx-new')('branch.create', create)
    expect(created).toMatchObject({
      ok: true,
      data: { branch: { name: '城东社区党支部' }, member: { name: '王书记', roles: ['secretary', 'member'] } },
    })
    expect(await as('wx-new')('session.me', {})).toMatchObject({
      ok: true,
      data: { member: { name: '王书记', roles: ['secretary', 'member'], branchName: '城东社区党支部', branchId: created.data.branch.id } },
    })
    // The new secretary can run the branch at once: a meeting, the branch's settings.
    expect(await as('wx-new')('meeting.list', {})).toMatchObject({ ok: true })
    expect(await as('wx-new')('branch.updateSettings', { rankingsEnabled: false })).toMatchObject({ ok: true })
  })

  it('refuses a wrong or missing setup code with FORBIDDEN, and stores nothing', async () => {
    const { as, storage } = await anEmptyDeployment()
    expect(await as('wx-new')('branch.create', { ...create, setupCode: 'guess' })).toEqual(failure('FORBIDDEN', '设置码不正确'))
    expect(await as('wx-new')('branch.create', { ...create, setupCode: ` ${CODE}x` })).toEqual(failure('FORBIDDEN'))
    expect(await storage.count('branches', {})).toBe(0)
    expect(await storage.count('members', {})).toBe(0)
  })

  it('refuses a user for an hour after 10 wrong codes within an hour, even with the right one', async () => {
    const { as, storage, clock } = await anEmptyDeployment()
    for (let i = 0; i < 10; i++) expect(await as('wx-guess')('branch.create', { ...create, setupCode: `guess-${i}` })).toEqual(failure('FORBIDDEN', '设置码不正确'))
    expect(await as('wx-guess')('branch.create', create)).toEqual(failure('FORBIDDEN', '次数过多'))
    // Somebody else is not locked out.
    expect(await as('wx-other')('branch.create', create)).toMatchObject({ ok: true })
    clock.set('2026-12-01T12:00:01+08:00')
    expect(await as('wx-guess')('branch.create', { ...create, name: '城北社区党支部' })).toMatchObject({ ok: true })
    expect(await storage.count('branches', {})).toBe(2)
  })

  it('refuses every code when the deployment has none set', async () => {
    const { as, storage } = await anEmptyDeployment('')
    expect(await as('wx-new')('branch.create', { ...create, setupCode: 'x' })).toEqual(failure('FORBIDDEN'))
    expect(await storage.count('branches', {})).toBe(0)
  })

  it('accepts the code with spaces around it, as pasted from a chat', async () => {
    const { as } = await anEmptyDeployment()
    expect(await as('wx-new')('branch.create', { ...create, setupCode: ` ${CODE}\n` })).toMatchObject({ ok: true })
  })

  it('answers CONFLICT to a caller already bound to a branch', async () => {
    const app = await theDemoBranch()
    expect(await app.as('demo-member-01').raw('branch.create', { ...create, setupCode: 'whatever' })).toEqual(
      failure('CONFLICT', '不能再创建新的支部'),
    )
    const { as } = await anEmptyDeployment()
    await as('wx-new')('branch.create', create)
    expect(await as('wx-new')('branch.create', { ...create, name: '第二个支部' })).toEqual(failure('CONFLICT'))
  })

  it('makes one branch and one secretary from a double tap', async () => {
    const { as, storage } = await anEmptyDeployment()
    const [a, b] = await Promise.all([as('wx-new')('branch.create', create), as('wx-new')('branch.create', create)])
    expect(a).toMatchObject({ ok: true })
    expect(b).toMatchObject({ ok: true, data: a.data })
    expect(await storage.count('branches', {})).toBe(1)
    expect(await storage.count('members', {})).toBe(1)
  })

  it('lets one setup code create several branches, each with its own secretary', async () => {
    const { as, storage } = await anEmptyDeployment()
    await as('wx-a')('branch.create', create)
    await as('wx-b')('branch.create', { ...create, name: '城西社区党支部', secretaryName: '李书记' })
    expect(await storage.count('branches', {})).toBe(2)
    expect(await as('wx-b')('session.me', {})).toMatchObject({ data: { member: { name: '李书记', branchName: '城西社区党支部' } } })
  })

  it.each([
    ['no name', { name: undefined }, 'name', /必填/],
    ['a one-character name', { name: '支' }, 'name', /至少 2 个字/],
    ['a name of 41 characters', { name: '支'.repeat(41) }, 'name', /不能超过 40 个字/],
    ['no secretary name', { secretaryName: ' ' }, 'secretaryName', /不能为空/],
    ['no setup code', { setupCode: '' }, 'setupCode', /设置码/],
  ])('refuses %s with INVALID_INPUT naming the field', async (_, change, field, detail) => {
    const { as, storage } = await anEmptyDeployment()
    const answer = await as('wx-new')('branch.create', { ...create, ...change })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
    expect(answer.error.detail).toMatch(detail)
    expect(await storage.count('branches', {})).toBe(0)
  })
})
