/** Function `remind`: run by its timer trigger; handleRemind refuses any other caller. */
import { handleRemind } from '../core/remind-entry'
import { cloudPorts } from '../core/runtime/cloudbase'

export async function main(event: unknown, _context: unknown) {
  return handleRemind(cloudPorts(), event)
}
