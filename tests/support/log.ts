import type { Logger } from '../../cloudfunctions/core/ports'

export interface LogLine {
  level: 'info' | 'error'
  msg: string
  fields: Record<string, unknown>
}

/** A logger that keeps its lines for assertions instead of printing them. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = []
  return {
    lines,
    info: (msg, fields = {}) => lines.push({ level: 'info', msg, fields }),
    error: (msg, fields = {}) => lines.push({ level: 'error', msg, fields }),
  }
}
