import type { Member, OrgOverseer } from '../../types/models'
import type { Caller, Ports } from './ports'

/** What a use case receives: the ports, who is calling, and the member they are bound to. */
export interface Context extends Ports {
  caller: Caller
  /** The caller's member record; use cases behind a role check always have one. */
  member: Member | null
  /** The org the caller oversees (party_committee), when the action's audience asked for it. */
  overseer?: OrgOverseer | null
  requestId: string
}

/** The member of a context whose action requires one (the router has checked it). */
export function requireMember(ctx: Context): Member {
  if (!ctx.member) throw new Error('use case reached without a member')
  return ctx.member
}
