import type { MemberView } from '../../../types/models'

/** The branch's leadership, who review self-study, keep the question bank and follow everyone's 学时. */
export const leadsStudy = (m: MemberView) => m.roles.some((r) => r === 'secretary' || r === 'deputy' || r === 'committee')
