/**
 * What typed text may hold. A record is read years later, printed and exported: a control
 * character, half of a surrogate pair or a bidirectional override (which makes 王某 read as
 * 某王 on screen while storing something else) has no place in it, and a title made only of
 * invisible characters looks empty, so it is empty. Tab and line breaks stay: notes have lines.
 */

/** C0 controls except tab, LF and CR; DEL and C1; bidi embeddings, overrides and isolates. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Characters that draw nothing: white space, zero-width spaces and joiners, word joiners,
 * fillers, the soft hyphen, Mongolian vowel separator, braille blank. Variation selectors only
 * count when nothing visible is left (at the end of an emoji they are part of it).
 */
const BLANK = '\\s\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u2060-\\u2064\\u206A-\\u206F\\u2800\\u3164\\uFFA0'
const EDGES = new RegExp(`^[${BLANK}]+|[${BLANK}]+$`, 'g')
const ONLY_INVISIBLE = new RegExp(`^[${BLANK}\\uFE00-\\uFE0F]*$`)

/** Why the text cannot be stored, or null when it can. */
export function textProblem(s: string): string | null {
  if (FORBIDDEN.test(s)) return '含有控制字符或文字方向控制符，请删除后再试'
  if (LONE_SURROGATE.test(s)) return '含有无法显示的字符，请删除后再试'
  return null
}

/** The text without invisible characters at its ends; '' when nothing visible is left. */
export function visibleText(s: string): string {
  const trimmed = s.replace(EDGES, '')
  return ONLY_INVISIBLE.test(trimmed) ? '' : trimmed
}
