// Members and invitations: who belongs to an organization and with which role.
export {
  type AcceptedInvitation,
  type AcceptInvitationInput,
  acceptInvitation,
  acceptInvitationInput,
} from "./accept-invitation.js";
export { type ChangeRoleInput, changeRole, changeRoleInput } from "./change-role.js";
export {
  type CreatedInvitation,
  type CreateInvitationInput,
  createInvitation,
  createInvitationInput,
} from "./create-invitation.js";
export type { InvitationView } from "./invitation-view.js";
export {
  type ListInvitationsInput,
  listInvitations,
  listInvitationsInput,
} from "./list-invitations.js";
export { type ListMembersInput, listMembers, listMembersInput } from "./list-members.js";
export type { MemberView } from "./member-view.js";
export {
  type LeaveOrganizationInput,
  leaveOrganization,
  leaveOrganizationInput,
  type RemoveMemberInput,
  removeMember,
  removeMemberInput,
} from "./remove-member.js";
export {
  type RevokeInvitationInput,
  revokeInvitation,
  revokeInvitationInput,
} from "./revoke-invitation.js";
export { assertMayManageRole, assertNotLastOwner } from "./role-rules.js";
