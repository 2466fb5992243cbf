/** member.import (CONTRACT §5): preview in words, all or nothing, update never duplicate. */
import writeXlsxFile from 'write-excel-file/node'
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { gbk } from '../../../tests/support/files'
import { ROSTER_HEADERS } from '../domain/roster'

const HEADER = ROSTER_HEADERS.join(',')
const csvFile = (lines: string[], encoding: 'utf8' | 'gbk' = 'utf8') => {
  const text = [HEADER, ...lines].join('\r\n')
  const bytes = encoding === 'utf8' ? Buffer.from(`\uFEFF${text}`, 'utf8') : gbk(text)
  return { name: '名单.csv', contentBase64: bytes.toString('base64') }
}
async function aBranch() {
  const app = await theDemoBranch({ at: '2026-12-01T10:00:00+08:00' })
  return { ...app, secretary: app.as(DEMO.secretary) }
}

const GOOD = ['张三,1234,正式党员,第一党小组,,2010-07-01,在职,8000', '李四,5678,预备党员,第三党小组,支委,2025-06-30,离退休,4500.50', '王五,0001,正式党员,,,,学生,']

describe('member.import', () => {
  it('previews every row without writing anything, then commits all of them', async () => {
    const { secretary, storage } = await aBranch()
    const before = await storage.count('members', {})
    const preview = await secretary.ok('member.import', { file: csvFile(GOOD), commit: false })
    expect(preview).toEqual({
      rows: [
        { row: 2, name: '张三', action: 'create', errors: [] },
        { row: 3, name: '李四', action: 'create', errors: [] },
        { row: 4, name: '王五', action: 'create', errors: [] },
      ],
      created: 3,
      updated: 0,
      committed: false,
    })
    expect(await storage.count('members', {})).toBe(before)
    expect(await secretary.ok('member.import', { file: csvFile(GOOD), commit: true })).toMatchObject({ created: 3, committed: true })
    const { members } = await secretary.ok('member.list', {})
    const li = members.find((m) => m.name === '李四')!
    expect(li).toMatchObject({ phoneTail: '5678', standing: 'probationary', roles: ['member', 'committee'], bound: false })
    // A group named in the sheet that did not exist is created.
    const groups = await storage.find('groups', { branchId: DEMO.branchId })
    expect(groups.find((g) => g.id === li.groupId)?.name).toBe('第三党小组')
    // The 核定 amount follows from the category and base by the brackets: 8000 元 employed → 1.5%;
    // a 4500.50 元 pension → 0.5%, 22.5025 元, rounded to 22.50.
    expect((await storage.get('members', members.find((m) => m.name === '张三')!.id))!.dues).toMatchObject({ category: 'employed', base: 800000, amount: 12000 })
    expect((await storage.get('members', li.id))!.dues).toMatchObject({ category: 'retired', base: 450050, amount: 2250 })
  })

  it('updates, never duplicates, when the same sheet comes twice', async () => {
    const { secretary, storage } = await aBranch()
    await secretary.ok('member.import', { file: csvFile(GOOD), commit: true })
    const count = await storage.count('members', {})
    const again = await secretary.ok('member.import', { file: csvFile(GOOD), commit: true })
    expect(again).toMatchObject({ created: 0, updated: 3 })
    expect(await storage.count('members', {})).toBe(count)
    const changed = await secretary.ok('member.import', { file: csvFile(['张三,1234,预备党员,第一党小组,,2010-07-01,在职,8000']), commit: true })
    expect(changed.rows[0]).toMatchObject({ action: 'update' })
    expect((await secretary.ok('member.list', {})).members.find((m) => m.name === '张三')).toMatchObject({ standing: 'probationary' })
  })

  it('says every problem of every row in words, and commits nothing while any row is wrong', async () => {
    const { secretary, storage } = await aBranch()
    const lines = [
      '张三,123,正式党员,,,,,',
      '李四,5678,积极分子,,,,,',
      '王五,0001,正式党员,,,,公务员,100',
      '赵六,0002,正式党员,,,,在职,一千',
      '钱七,0003,正式党员,,组织委员,,,',
      '孙八,0004,正式党员,,,2026-02-30,,',
      '周九,0005,正式党员,,,,,',
      '周九,0005,正式党员,,,,,',
    ]
    const preview = await secretary.ok('member.import', { file: csvFile(lines), commit: false })
    const errors = preview.rows.map((r) => r.errors.join('；'))
    // Whose row it is shows even when the row is wrong.
    expect(preview.rows.map((r) => r.name)).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '周九'])
    expect(errors[0]).toMatch(/手机尾号应为 4 位数字/)
    expect(errors[1]).toMatch(/类别应为正式党员或预备党员/)
    expect(errors[2]).toMatch(/党费类别“公务员”不认识/)
    expect(errors[3]).toMatch(/党费基数应为金额/)
    expect(errors[4]).toMatch(/职务“组织委员”不认识/)
    expect(errors[5]).toMatch(/入党日期/)
    expect(errors[6]).toBe('')
    expect(errors[7]).toMatch(/与第8行重复/)
    const before = await storage.count('members', {})
    expect(await secretary.call('member.import', { file: csvFile(lines), commit: true })).toEqual(failure('INVALID_INPUT', '第2行：手机尾号'))
    expect(await storage.count('members', {})).toBe(before)
  })

  it('numbers rows as Excel shows them, blank rows counted', async () => {
    const { secretary } = await aBranch()
    const preview = await secretary.ok('member.import', { file: csvFile([GOOD[0], ',,,,,,,', '李四,56,正式党员,,,,,']), commit: false })
    expect(preview.rows.map((r) => [r.row, r.name])).toEqual([[2, '张三'], [4, '李四']])
  })

  it('reads a GBK .csv as Excel saves it on Chinese Windows', async () => {
    const { secretary } = await aBranch()
    const preview = await secretary.ok('member.import', { file: csvFile(GOOD, 'gbk'), commit: false })
    expect(preview.rows.map((r) => [r.name, r.errors])).toEqual([['张三', []], ['李四', []], ['王五', []]])
  })

  it('reads an .xlsx with the template headers, a date cell and number cells', async () => {
    const { secretary } = await aBranch()
    const cells = [
      ROSTER_HEADERS.map((h) => ({ value: h })),
      [{ value: '张三' }, { value: 123, type: Number }, { value: '正式党员' }, { value: '第一党小组' }, null, { value: new Date('2010-07-01T00:00:00Z'), type: Date, format: 'yyyy-mm-dd' }, { value: '在职' }, { value: 8000, type: Number }],
    ]
    const buffer = await writeXlsxFile(cells).toBuffer()
    const file = { name: '党员名单.xlsx', contentBase64: Buffer.from(buffer).toString('base64') }
    const preview = await secretary.ok('member.import', { file, commit: true })
    expect(preview.rows).toEqual([{ row: 2, name: '张三', action: 'create', errors: [] }])
    // 0123 typed into a number cell is 123 to Excel: the tail gets its zero back.
    expect((await secretary.ok('member.list', {})).members.find((m) => m.name === '张三')).toMatchObject({ phoneTail: '0123' })
  })

  it('takes rows in the contract terms too, with money in 分', async () => {
    const { secretary, storage } = await aBranch()
    const rows = [{ name: '吴十', phoneTail: '0010', standing: 'full', roles: ['deputy'], duesCategory: 'employed', duesBase: 300000 }]
    expect(await secretary.ok('member.import', { rows, commit: true })).toMatchObject({ created: 1, committed: true })
    const m = (await storage.find('members', { name: '吴十' }))[0]
    expect(m).toMatchObject({ roles: ['member', 'deputy'], dues: { amount: 1500 } })
  })

  it('refuses a file that is not a spreadsheet, one without the headers, and more than 500 rows', async () => {
    const { secretary } = await aBranch()
    const as = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString('base64') })
    expect(await secretary.call('member.import', { file: as('名单.xls', 'x'), commit: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'file' } })
    expect(await secretary.call('member.import', { file: as('名单.xlsx', 'not a zip'), commit: false })).toEqual(failure('INVALID_INPUT', '无法读取'))
    expect(await secretary.call('member.import', { file: as('名单.csv', '名字,电话\n张三,1234'), commit: false })).toEqual(failure('INVALID_INPUT', '缺少表头'))
    const many = Array.from({ length: 501 }, (_, i) => `党员${i},${String(i).padStart(4, '0')},正式党员,,,,,`)
    expect(await secretary.call('member.import', { file: csvFile(many), commit: false })).toEqual(failure('INVALID_INPUT', '最多导入 500 行'))
  })

  it('keeps a secretary: a sheet that would leave the branch without one is CONFLICT', async () => {
    const { secretary, storage } = await aBranch()
    const me = (await storage.find('members', { openid: DEMO.secretary }))[0]
    await secretary.ok('member.update', { memberId: me.id, phoneTail: '9999' })
    const line = `${me.name},9999,正式党员,,,,,`
    expect(await secretary.call('member.import', { file: csvFile([line]), commit: true })).toEqual(failure('CONFLICT', '没有书记'))
  })
})
