import { CSV_EXAMPLES, CSV_HEADER, csvFormatHint } from './csv-hint'
import { parseQuestionRows } from '../../cloudfunctions/core/domain/questions'
import { csvTextRows, textRows } from '../../cloudfunctions/core/spreadsheet'

describe('the question spreadsheet format', () => {
  it('names the seven columns and gives the example from the brief', () => {
    expect(CSV_HEADER).toBe('题型,题干,选项A,选项B,选项C,选项D,答案')
    expect(CSV_EXAMPLES[0]).toBe('单选,党的最高理想是什么,共产主义,小康社会,,,A')
    for (const row of csvFormatHint().examples) expect(row.split(',')).toHaveLength(7)
  })

  it('gives examples that the importer reads as the questions they describe', () => {
    const parsed = parseQuestionRows(textRows(csvTextRows(`${CSV_HEADER}\r\n${CSV_EXAMPLES.join('\r\n')}\r\n`)))
    expect(parsed).toEqual({
      ok: true,
      questions: [
        { type: 'single', stem: '党的最高理想是什么', options: ['共产主义', '小康社会'], answer: [0] },
        { type: 'multiple', stem: '党的作风包括哪些', options: ['理论联系实际', '密切联系群众', '批评与自我批评'], answer: [0, 1, 2] },
        { type: 'judge', stem: '党员应按月缴纳党费', options: ['正确', '错误'], answer: [0] },
      ],
    })
  })
})
