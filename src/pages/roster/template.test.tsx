import { ROSTER_HEADERS } from '../../../cloudfunctions/core/domain/roster'
import { ROSTER_TEMPLATE_EXAMPLE, ROSTER_TEMPLATE_HEADERS } from './template'

it('the template the app gives has the headers the server reads, and an example for each', () => {
  expect(ROSTER_TEMPLATE_HEADERS).toEqual(ROSTER_HEADERS)
  expect(ROSTER_TEMPLATE_EXAMPLE).toHaveLength(ROSTER_HEADERS.length)
})
