import { useState } from 'react'
import { parseQuestionsCsv } from '../../domain/study'
import { useActionForm } from '../../hooks/use-action-form'
import { call } from '../../services/call'
import { CsvFileError, pickCsvFile } from '../../services/csv-file'

/** The pasted (or picked) spreadsheet, read here exactly as the server will, so that a problem shows before sending. */
export function readCsv(csv: string) {
  const parsed = csv.trim() ? parseQuestionsCsv(csv) : null
  return {
    parsed,
    rows: parsed?.ok ? parsed.questions.length : 0,
    problem: parsed && !parsed.ok ? `第 ${parsed.row} 行：${parsed.message}` : null,
  }
}

function validate({ csv }: { csv: string }) {
  const { parsed, problem } = readCsv(csv)
  if (!parsed) return { message: '请先粘贴表格内容或选择 CSV 文件' }
  return problem ? { message: `${problem}。请改好后再导入` } : null
}

export function useQuestionImport() {
  const form = useActionForm({
    initial: { csv: '' },
    validate,
    send: ({ csv }) => call('question.import', { csv }),
    fallbackError: '导入没有成功，请重试',
  })
  // Reading a file is not sending: its failure is said in the same place until the next change.
  const [fileError, setFileError] = useState<string | null>(null)

  async function fileChosen() {
    try {
      const text = await pickCsvFile()
      if (text !== null) {
        form.set('csv', text)
        setFileError(null)
      }
    } catch (err) {
      setFileError(err instanceof CsvFileError ? err.message : '文件读取失败，请重试')
    }
  }

  function csvTyped(text: string) {
    form.set('csv', text)
    setFileError(null)
  }

  return { ...form, ...readCsv(form.values.csv), error: form.error ?? fileError, fileChosen, csvTyped }
}
