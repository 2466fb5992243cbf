/**
 * The README's action list, made from the declarations so that it cannot fall behind them:
 * `npm run docs:actions` rewrites it, and a test fails while the README differs.
 */
import { z } from 'zod'
import { audienceLabel } from '../../../src/domain/permissions'
import { ACTIONS, type ActionName } from '.'

export const DOC_START = '<!-- actions:start (npm run docs:actions) -->'
export const DOC_END = '<!-- actions:end -->'

function fields(schema: z.ZodType): string {
  if (!(schema instanceof z.ZodObject)) return ''
  const shape: Record<string, z.ZodType> = schema.shape
  const names = Object.entries(shape).map(([name, field]) => (field.safeParse(undefined).success ? `${name}?` : name))
  return names.length ? `\`{ ${names.join(', ')} }\`` : '—'
}

export function actionTable(): string {
  const rows = (Object.keys(ACTIONS) as ActionName[]).map((name) => {
    const { who, input } = ACTIONS[name]
    return `| \`${name}\` | ${audienceLabel(who)} | ${fields(input)} |`
  })
  return ['| action | who (副书记 may do what 支委 may) | payload |', '|---|---|---|', ...rows].join('\n')
}

/** The README with its action list replaced by the current one. */
export function withActionTable(readme: string): string {
  const start = readme.indexOf(DOC_START)
  const end = readme.indexOf(DOC_END)
  if (start < 0 || end < start) throw new Error(`README has no ${DOC_START} … ${DOC_END} section`)
  return `${readme.slice(0, start + DOC_START.length)}\n${actionTable()}\n${readme.slice(end)}`
}
