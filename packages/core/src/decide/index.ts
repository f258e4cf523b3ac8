/** decide/ — decisions: a command and a state become events or a domain error; who may (authorisation); the Decider. */
export { type Authorize, allOf, authorizeBy, defaultAuthorize, notPermitted } from "./authorize.js";
export { type Decision, eventFrom } from "./build.js";
export { type DecideOptions, decide } from "./decide.js";
export { type Decider, type TicketDecider, ticketDecider } from "./decider.js";
export { defaultPermissions, type PermissionAction, type Permissions } from "./permissions.js";
export {
  type DeadlineMove,
  type PolicyChangePreview,
  type PreviewError,
  previewPolicyChange,
} from "./policy-change.js";
export { relationshipsOf } from "./relationships-of.js";
export { type SessionBooking, sessionEngineer } from "./session.js";
