/**
 * A Word document (.docx) of titles, paragraphs, a two-column table of fields and photos: the
 * little of WordprocessingML a 会议记录 needs, zipped by fflate (already in the bundle for the
 * spreadsheet reader and writer). The `docx` package would add about 250 KB to the api function
 * for the same five parts (README, 导出).
 */
import { strToU8, zipSync } from 'fflate'

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  /** Label → value rows; a value's line breaks become paragraphs in its cell. */
  | { kind: 'fields'; rows: Array<[string, string]> }
  | { kind: 'image'; image: Picture }

export interface Picture {
  bytes: Uint8Array
  type: 'jpeg' | 'png'
  width: number
  height: number
}

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
}
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A4 with 2.54 cm margins: the text is 9026 twips wide; a twip is 635 EMU. */
const TEXT_WIDTH_TWIPS = 9026
const TEXT_WIDTH_EMU = TEXT_WIDTH_TWIPS * 635
const LABEL_TWIPS = 1900
/** Photos print at most 12 cm high, so two fit on a page. */
const MAX_PHOTO_HEIGHT_EMU = 12 * 360000

/** XML text: escaped, without the control characters XML 1.0 cannot hold. */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`
const para = (text: string, { bold = false, size = 0, center = false } = {}) => {
  const rPr = `${bold ? '<w:b/>' : ''}${size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : ''}`
  return `<w:p>${center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}${run(text, rPr)}</w:p>`
}
const lines = (text: string, bold = false) => (text === '' ? [''] : text.split(/\r?\n/)).map((l) => para(l, { bold })).join('')

function cell(twips: number, content: string, shade = false): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${twips}" w:type="dxa"/>${shade ? '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' : ''}</w:tcPr>${content}</w:tc>`
}

function fields(rows: Array<[string, string]>): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')
  const valueTwips = TEXT_WIDTH_TWIPS - LABEL_TWIPS
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${LABEL_TWIPS}"/><w:gridCol w:w="${valueTwips}"/></w:tblGrid>` +
    rows.map(([label, value]) => `<w:tr>${cell(LABEL_TWIPS, lines(label, true), true)}${cell(valueTwips, lines(value))}</w:tr>`).join('') +
    '</w:tbl>'
  )
}

function drawing(picture: Picture, n: number): string {
  const scale = Math.min(TEXT_WIDTH_EMU / picture.width, MAX_PHOTO_HEIGHT_EMU / picture.height)
  const cx = Math.round(picture.width * scale)
  const cy = Math.round(picture.height * scale)
  return (
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:docPr id="${n}" name="照片${n}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="${NS.pic}"><pic:pic><pic:nvPicPr><pic:cNvPr id="${n}" name="image${n}.${picture.type}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="rIdImage${n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  )
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '</Types>'

const PACKAGE_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`

/** 宋体 12 pt (小四), 1.5 line spacing: what a printed 记事簿 page expects. */
const STYLES =
  `${XML_HEAD}<w:styles xmlns:w="${NS.w}"><w:docDefaults><w:rPrDefault><w:rPr>` +
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>' +
  '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>'

/** The .docx bytes of these blocks, in order. */
export function writeDocument(blocks: Block[]): Uint8Array {
  const media: Record<string, Uint8Array> = {}
  const rels = [`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`]
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return para(b.text, { bold: true, size: 36, center: true })
      case 'paragraph':
        return lines(b.text, b.bold)
      case 'fields':
        return fields(b.rows)
      case 'image': {
        const n = Object.keys(media).length + 1
        media[`word/media/image${n}.${b.image.type}`] = b.image.bytes
        rels.push(`<Relationship Id="rIdImage${n}" Type="${REL}/image" Target="media/image${n}.${b.image.type}"/>`)
        return drawing(b.image, n)
      }
    }
  })
  const namespaces = Object.entries(NS)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(' ')
  const document =
    `${XML_HEAD}<w:document ${namespaces}><w:body>${body.join('')}` +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(STYLES),
    'word/_rels/document.xml.rels': strToU8(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    // Photos are compressed already.
    ...Object.fromEntries(Object.entries(media).map(([path, bytes]) => [path, [bytes, { level: 0 }] as [Uint8Array, { level: 0 }]])),
  })
}

/** A photo's type and pixel size from its first bytes, or null for anything but JPEG and PNG. */
export function pictureOf(bytes: Uint8Array): Picture | null {
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return { bytes, type: 'png', width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  // Walk the JPEG segments to the frame header (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.
  let i = 2
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null
    const marker = bytes[i + 1]
    const length = (bytes[i + 2] << 8) | bytes[i + 3]
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (bytes[i + 5] << 8) | bytes[i + 6]
      const width = (bytes[i + 7] << 8) | bytes[i + 8]
      return width && height ? { bytes, type: 'jpeg', width, height } : null
    }
    i += 2 + length
  }
  return null
}
