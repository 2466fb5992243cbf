import type { Logger } from './ports'

/** One JSON line per event, the shape CloudBase's log search indexes; never a stack trace. */
export function jsonLogger(write: (line: string) => void = (l) => console.log(l)): Logger {
  const emit = (level: string, msg: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ level, msg, ...fields, at: new Date().toISOString() }))
  return {
    info: (msg, fields) => emit('info', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  }
}
