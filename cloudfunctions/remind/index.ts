/** Function `remind`: run by its timer trigger; handleRemind refuses any caller with an identity. */
import { handleRemind } from '../core/remind-entry'
import { cloudPorts, currentCaller } from '../core/runtime/cloudbase'

export async function main(event: unknown, _context: unknown) {
  return handleRemind(cloudPorts(), event, currentCaller())
}
