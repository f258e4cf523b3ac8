/**
 * Authorisation hooks: may this actor issue this command on this ticket? An `Authorize` rule
 * answers `right(undefined)` or a `NOT_PERMITTED` refusal saying who, what and why. `decide`
 * asks one once the ticket is known to exist and before any rule of its own (so a refused
 * actor learns nothing of the ticket's status); by default `defaultAuthorize`, the permissions
 * table (permissions.ts) applied to how the actor stands to the ticket (relationships-of.ts).
 *
 * An app supplies its own rule through `decide`'s, `ticketDecider`'s or the handler's
 * `authorize` option: in place of the default (it then decides everything, staff-only and
 * system commands included), as another table (`authorizeBy`), or added to it (`allOf`).
 */
import * as E from "fp-ts/lib/Either.js";
import type { Policy } from "../policy/policy.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { NotPermitted } from "../ticket/errors.js";
import { type Relationship, relationshipKind, relationshipWords } from "../ticket/relationships.js";
import type { TicketState } from "../ticket/state.js";
import type { ActorKind } from "../ticket/transitions.js";
import { defaultPermissions, type PermissionAction, type Permissions } from "./permissions.js";
import { relationshipsOf } from "./relationships-of.js";

/** An authorisation rule: `right(undefined)` lets the command through, a `NOT_PERMITTED` refuses it. */
export type Authorize = (command: TicketCommand, state: TicketState, policy: Policy) => E.Either<NotPermitted, void>;

const allowed: E.Either<NotPermitted, void> = E.right(undefined);

/** What a command asks permission for: its type, or `internal-comment` for an internal note. */
export const permissionAction = (command: TicketCommand): PermissionAction =>
  command.type === "comment" && command.data.visibility === "internal" ? "internal-comment" : command.type;

const KINDS: readonly ActorKind[] = ["requester", "agent", "system"];
const words = (rs: readonly Relationship[]): string =>
  rs.length === 0 ? "nobody" : rs.map((r) => relationshipWords[r]).join(" or ");

/**
 * A `NOT_PERMITTED` for `command`, naming the actor, how they stand to the ticket, who may
 * (`permitted`, default nobody) and why (`reason`, default "only … may").
 */
export const notPermitted = (
  command: TicketCommand,
  state: TicketState,
  policy: Policy,
  options: { readonly permitted?: readonly Relationship[]; readonly reason?: string } = {},
): NotPermitted => {
  const action = permissionAction(command);
  const permitted = options.permitted ?? [];
  const relationships = relationshipsOf(command.actor, state, policy);
  const what = action === "internal-comment" ? "write internal notes" : action.split("-").join(" ");
  const reason = options.reason ?? `only ${words(permitted)} may ${what}`;
  return {
    code: "NOT_PERMITTED",
    action,
    ticketId: command.ticketId,
    actor: command.actor.kind,
    actorId: command.actor.id,
    relationships,
    permitted,
    allowed: KINDS.filter((k) => permitted.some((r) => relationshipKind[r] === k)),
    reason,
    message: `${command.actor.id} (${words(relationships)}) may not ${action} ticket ${command.ticketId}: ${reason}`,
  };
};

/** A rule from a permissions table: the actor may when one of their relationships is listed for the action. */
export const authorizeBy =
  (permissions: Permissions): Authorize =>
  (command, state, policy) => {
    const permitted = permissions[permissionAction(command)];
    const relationships = relationshipsOf(command.actor, state, policy);
    return relationships.some((r) => permitted.includes(r))
      ? allowed
      : E.left(notPermitted(command, state, policy, { permitted }));
  };

/** The core's rule: `defaultPermissions`. */
export const defaultAuthorize: Authorize = authorizeBy(defaultPermissions);

/** Every rule must let the command through; the first refusal is the answer. */
export const allOf =
  (...rules: readonly Authorize[]): Authorize =>
  (command, state, policy) => {
    for (const rule of rules) {
      const answer = rule(command, state, policy);
      if (E.isLeft(answer)) return answer;
    }
    return allowed;
  };
