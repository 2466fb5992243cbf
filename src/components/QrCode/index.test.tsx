import { render } from '@testing-library/react'
import { QrCode, qrDataUrl } from '.'

const LINK = 'http://127.0.0.1:8080/#/pages/checkin/index?t=WyJtLWFiYyIsImRlbW8tYnJhbmNoIiw5OF0.c2lnbmF0dXJlX3BhcnQtXw'

describe('QrCode', () => {
  it('encodes a text as a GIF data URL an Image can show on both platforms', () => {
    const url = qrDataUrl(LINK)
    expect(url.startsWith('data:image/gif;base64,')).toBe(true)
    expect(qrDataUrl(LINK)).toBe(url)
    expect(qrDataUrl(`${LINK}x`)).not.toBe(url)
  })

  it('renders the code as an image, and a note over a dimmed code', () => {
    const { container, getByText } = render(<QrCode text={LINK} dimmed note='正在重新获取二维码…' />)
    const image = container.querySelector('.qr-code__img')!
    expect(image.getAttribute('src')).toBe(qrDataUrl(LINK))
    expect(container.querySelector('.qr-code--dimmed')).toBeTruthy()
    expect(getByText('正在重新获取二维码…')).toBeTruthy()
  })
})
