import { launchParams } from './launch'

const TOKEN = 'Ab3dE6gH0123456789abcdEF'

describe('launchParams: a page opened by a link, a 小程序码 or a 普通链接二维码', () => {
  it.each([
    ['its own query', { t: TOKEN }, { t: TOKEN }],
    ['its own query, percent-encoded', { t: encodeURIComponent('a.b~c') }, { t: 'a.b~c' }],
    ['a 小程序码 scene', { scene: TOKEN }, { t: TOKEN }],
    ['a scene encoded by WeChat', { scene: encodeURIComponent(`${TOKEN}`) }, { t: TOKEN }],
    ['a 普通链接二维码 q', { q: encodeURIComponent(`https://dj.example.org/checkin?t=${TOKEN}`), scancode_time: '1764650000' }, { t: TOKEN }],
    ['a q of an H5-style link', { q: encodeURIComponent(`https://dj.example.org/#/pages/checkin/index?x=1&t=${TOKEN}`) }, { t: TOKEN }],
    ['a q whose link has no t', { q: encodeURIComponent('https://dj.example.org/checkin') }, {}],
    ['nothing', {}, {}],
    ['an empty parameter', { t: '' }, {}],
    ['a stray percent sign kept as it came', { t: 'abc%zz' }, { t: 'abc%zz' }],
  ])('reads %s', (_name, query, expected) => {
    expect(launchParams(query, ['t'], 't')).toEqual(expected)
  })

  it('prefers the page\'s own parameter over a scene', () => {
    expect(launchParams({ t: 'own-token-0123456789', scene: TOKEN }, ['t'], 't')).toEqual({ t: 'own-token-0123456789' })
  })

  it('gives a scene only to the parameter it stands for', () => {
    expect(launchParams({ scene: 'x7Yk2mQ9' }, ['code', 'from'], 'code')).toEqual({ code: 'x7Yk2mQ9' })
    expect(launchParams({ scene: 'x7Yk2mQ9' }, ['id'])).toEqual({})
  })

  it('reads several parameters of a q link', () => {
    expect(launchParams({ q: encodeURIComponent('https://a.example/join?code=K9&from=poster') }, ['code', 'from'], 'code')).toEqual({ code: 'K9', from: 'poster' })
  })
})
