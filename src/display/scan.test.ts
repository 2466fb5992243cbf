import { cleanToken, tokenFromScan } from './scan'

const TOKEN = 'WyJtLWFiYyIsImRlbW8tYnJhbmNoIiw5OF0.c2lnbmF0dXJlX3BhcnQtXw'

describe('tokenFromScan', () => {
  it('takes a bare token as it is', () => {
    expect(tokenFromScan(TOKEN)).toBe(TOKEN)
    expect(tokenFromScan(`  ${TOKEN}\n`)).toBe(TOKEN)
  })

  it('reads the token from the mini-program page path the organiser screen encodes', () => {
    expect(tokenFromScan(`pages/checkin/index?t=${TOKEN}`)).toBe(TOKEN)
    expect(tokenFromScan(`/pages/checkin/index?t=${encodeURIComponent(TOKEN)}`)).toBe(TOKEN)
  })

  it('reads the token from the H5 link, hash route and all', () => {
    expect(tokenFromScan(`http://192.168.1.5:8080/#/pages/checkin/index?t=${TOKEN}`)).toBe(TOKEN)
    expect(tokenFromScan(`https://example.org/#/pages/checkin/index?from=screen&t=${TOKEN}&x=1`)).toBe(TOKEN)
    expect(tokenFromScan(`https://example.org/#/pages/checkin/index?t=${TOKEN}#top`)).toBe(TOKEN)
  })

  it('reads the scene of a 小程序码 scanned in the app, encoded (iOS) or not (Android)', () => {
    const scene = 'Ab3dE6gH0123456789abcdEF'
    expect(tokenFromScan(`pages/checkin/index?scene=${scene}`)).toBe(scene)
    expect(tokenFromScan(`pages/checkin/index?scene=${encodeURIComponent(scene)}`)).toBe(scene)
  })

  it('decodes a percent-encoded token', () => {
    expect(tokenFromScan(`pages/checkin/index?t=${TOKEN.replace('.', '%2E')}`)).toBe(TOKEN)
  })

  it('answers null for anything that is not a check-in code', () => {
    expect(tokenFromScan('')).toBeNull()
    expect(tokenFromScan(null)).toBeNull()
    expect(tokenFromScan(undefined)).toBeNull()
    expect(tokenFromScan('   ')).toBeNull()
    expect(tokenFromScan('你好')).toBeNull()
    expect(tokenFromScan('https://example.org/article?id=12')).toBeNull()
    // `at=` is not `t=`.
    expect(tokenFromScan(`https://example.org/?at=${TOKEN}`)).toBeNull()
    expect(tokenFromScan('pages/checkin/index?t=')).toBeNull()
    expect(tokenFromScan('pages/checkin/index?t=short')).toBeNull()
    expect(tokenFromScan('pages/checkin/index?t=%E0%A4%A')).toBeNull()
    expect(tokenFromScan('pages/checkin/index?t=<script>alert(1)</script>')).toBeNull()
  })
})

describe('cleanToken', () => {
  it('accepts a plain or percent-encoded token and refuses anything else', () => {
    expect(cleanToken(TOKEN)).toBe(TOKEN)
    expect(cleanToken(encodeURIComponent(TOKEN))).toBe(TOKEN)
    expect(cleanToken(`${TOKEN.slice(0, 10)}%2`)).toBeNull()
    expect(cleanToken('has space in it but long enough')).toBeNull()
    expect(cleanToken(undefined)).toBeNull()
  })
})
