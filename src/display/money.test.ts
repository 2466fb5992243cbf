import { parseYuan, yuan } from './money'

describe('money on screen', () => {
  it.each([
    [0, '0.00'],
    [20, '0.20'],
    [1250, '12.50'],
    [100001, '1000.01'],
  ])('%i 分 shows as %s', (fen, text) => expect(yuan(fen)).toBe(text))

  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.2', 20],
    [' 93.00 ', 9300],
    ['0.07', 7],
  ])('"%s" is %i 分, exactly', (text, fen) => expect(parseYuan(text)).toBe(fen))

  it.each(['', 'abc', '12.345', '-1', '1e3', '12,50'])('"%s" is not an amount', (text) => expect(parseYuan(text)).toBeNull())
})
