/** The spreadsheet format for importing questions, explained the way the import screen shows it. */

export const CSV_COLUMNS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案'] as const

export const CSV_HEADER = CSV_COLUMNS.join(',')

/** One example row per question type. */
export const CSV_EXAMPLES = [
  '单选,党的最高理想是什么,共产主义,小康社会,,,A',
  '多选,党的作风包括哪些,理论联系实际,密切联系群众,批评与自我批评,,ABC',
  '判断,党员应按月缴纳党费,,,,,对',
] as const

export interface CsvHint {
  header: string
  examples: readonly string[]
  rules: string[]
}

/** What the import screen says about the format. */
export function csvFormatHint(): CsvHint {
  return {
    header: CSV_HEADER,
    examples: CSV_EXAMPLES,
    rules: [
      '每行一道题，共 7 列，依次如上；第一行可以是上面的标题行。',
      '题型写“单选”“多选”或“判断”。',
      '单选、多选至少填两个选项。',
      '选项从 A 起连续填写，不用的选项留在最后、空着即可。',
      '答案写选项字母：单选如 A，多选如 ABC；判断题写“对”或“错”，选项留空。',
      '在 Excel 或 WPS 里编辑，保存为 .xlsx 或 .csv 文件。',
    ],
  }
}
