/** Files as the app receives them from a spreadsheet program, for the import specs. */

/** GBK bytes as Excel on Chinese Windows saves them (TextDecoder reads GBK; Node has no encoder). */
export function gbk(text: string): Buffer {
  const table = new Map<string, number[]>()
  const decoder = new TextDecoder('gbk')
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo])
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f])))
}
