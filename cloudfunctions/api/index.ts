/** Function `api`: every user action. The caller is whoever CloudBase says invoked us. */
import { createRouter, type Router } from '../core/router'
import { cloudPorts, currentCaller } from '../core/runtime/cloudbase'

let router: Router | null = null

export async function main(event: unknown, _context: unknown) {
  router ??= createRouter(cloudPorts())
  return router(event, currentCaller())
}
