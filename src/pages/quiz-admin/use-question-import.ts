import { useState } from 'react'
import { useActionForm } from '../../hooks/use-action-form'
import { call } from '../../services/call'
import { pickSpreadsheet, SpreadsheetFileError, type PickedFile } from '../../services/spreadsheet-file'

/** The picked spreadsheet, sent whole: the server reads it and names the row at fault, importing nothing until every row reads. */
export function useQuestionImport() {
  const form = useActionForm({
    initial: { file: null as PickedFile | null },
    validate: ({ file }) => (file ? null : { message: '请先选择题目表格' }),
    send: ({ file }) => call('question.import', { file: file! }),
    fallbackError: '导入没有成功，请重试',
  })
  // Reading a file is not sending: its failure is said in the same place until the next pick.
  const [fileError, setFileError] = useState<string | null>(null)

  async function fileChosen() {
    try {
      const picked = await pickSpreadsheet()
      if (picked) {
        form.set('file', picked)
        setFileError(null)
      }
    } catch (err) {
      setFileError(err instanceof SpreadsheetFileError ? err.message : '文件读取失败，请重试')
    }
  }

  return { ...form, file: form.values.file, error: form.error ?? fileError, fileChosen }
}
