/**
 * Changing the policy of a ticket (issue 10, item 9). A ticket is judged under the policy
 * version it was opened under (pinned: `opened.policyVersion`); an edit of the policy never
 * re-judges it. A new policy, or a new version of its policy, applies to a live ticket only
 * through a `change-policy` command, recorded as `policy-changed` with both versions; its
 * clocks then re-target as a priority change does (the new policy's `sla.retarget`:
 * `keep-start` or `restart`). Closed (and resolved) tickets refuse it.
 *
 * `previewPolicyChange` is the dry run: which deadlines would move, and to where.
 */
import * as E from "fp-ts/lib/Either.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import { policyVersionOf } from "../policy/resolver.js";
import type { Instant } from "../shared/instant.js";
import { slaStatus } from "../sla/reader.js";
import type { MetricStatus } from "../sla/status.js";
import type { CommandOf } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import { currentSchemaVersion, type MetricName, type TicketEvent } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { type Decision, eventFrom, ok } from "./build.js";
import { checkExists, checkStatus } from "./legality.js";

/** The data of the `policy-changed` event that moves a ticket to `policyId` (at `version`, if known). */
const changeData = (state: TicketState, policyId: string, version: number | undefined) => ({
  from: state.policyId ?? "",
  to: policyId,
  ...(state.policyVersion === null ? {} : { fromVersion: state.policyVersion }),
  ...(version === undefined ? {} : { toVersion: version }),
});

/**
 * `change-policy`: nothing when the ticket is already under that policy and version, else
 * `policy-changed` with both versions. The command handler fills in `version` (the one in
 * force) when the command has none, and refuses a policy its resolver does not have.
 */
export const decideChangePolicy = (c: CommandOf<"change-policy">, state: TicketState): Decision => {
  const { policyId, version } = c.data;
  if (policyId === state.policyId && (version === undefined || version === state.policyVersion)) return ok();
  return ok(eventFrom(c, "policy-changed", changeData(state, policyId, version)));
};

/** How one metric's deadline would move. */
export interface DeadlineMove {
  readonly metric: MetricName;
  /** The deadline under the ticket's policy now; null when the metric has no clock under it. */
  readonly from: Instant | null;
  /** The deadline after the change; null when the metric has no clock under the new policy. */
  readonly to: Instant | null;
  /** The target in force before and after (counted time). */
  readonly target: { readonly from: number | null; readonly to: number | null };
  /** The metric's state before and after (`running`, `met`, `breached`, …). */
  readonly state: { readonly from: MetricStatus["state"] | null; readonly to: MetricStatus["state"] | null };
  /** Whether the deadline moves. */
  readonly moves: boolean;
}

export interface PolicyChangePreview {
  /** The event `change-policy` would record at `now`. */
  readonly event: TicketEvent;
  /** Every metric either policy has, in the order response, plan, resolution, next-reply. */
  readonly metrics: readonly DeadlineMove[];
  /** Only the metrics whose deadline would move. */
  readonly moves: readonly DeadlineMove[];
}

export type PreviewError =
  | DomainError
  | { readonly code: "INVALID_POLICY"; readonly policyId: string; readonly message: string };

const ORDER: readonly MetricName[] = ["response", "plan", "resolution", "next-reply"];

/**
 * Dry run of a policy change at `now` (the instant the change would be recorded, not before the
 * ticket's last event): for each metric, the deadline under `fromPolicy` (the ticket's pinned
 * policy) and the one after `change-policy` to `toPolicy`, re-targeted by `toPolicy`'s
 * `sla.retarget`. Records nothing. Refused, as the command would be, for a ticket that does not
 * exist or is resolved or closed.
 */
export const previewPolicyChange = (
  state: TicketState,
  fromPolicy: Policy,
  toPolicy: Policy,
  now: Instant,
): E.Either<PreviewError, PolicyChangePreview> => {
  const refused = checkExists("change-policy", state, state.ticketId ?? "") ?? checkStatus("change-policy", state);
  if (refused) return E.left(refused);
  const from = compiledPolicyOf(fromPolicy);
  if (E.isLeft(from)) return E.left({ code: "INVALID_POLICY", policyId: fromPolicy.id, message: from.left.message });
  const to = compiledPolicyOf(toPolicy);
  if (E.isLeft(to)) return E.left({ code: "INVALID_POLICY", policyId: toPolicy.id, message: to.left.message });
  const event = {
    type: "policy-changed",
    schemaVersion: currentSchemaVersion["policy-changed"],
    ticketId: state.ticketId,
    tenantId: state.tenantId,
    at: now,
    actor: { kind: "system", id: "preview" },
    data: changeData(state, toPolicy.id, policyVersionOf(toPolicy)),
  } as TicketEvent;
  const before = slaStatus(state, from.right, now);
  const after = slaStatus(evolve(state, event), to.right, now);
  const metrics = ORDER.filter((m) => before[m] !== undefined || after[m] !== undefined).map((metric): DeadlineMove => {
    const b = before[metric];
    const a = after[metric];
    const fromDeadline = b?.deadline ?? null;
    const toDeadline = a?.deadline ?? null;
    return {
      metric,
      from: fromDeadline,
      to: toDeadline,
      target: { from: b?.target ?? null, to: a?.target ?? null },
      state: { from: b?.state ?? null, to: a?.state ?? null },
      moves: fromDeadline !== toDeadline,
    };
  });
  return E.right({ event, metrics, moves: metrics.filter((m) => m.moves) });
};
