/** policy/ — the whole policy: every part's codec, compilation, selection of a new ticket's policy, the resolver. */
export {
  type AttachmentLimits,
  AttachmentLimitsC,
  typeAllowed,
} from "./attachment-limits.js";
export { compiledPolicyOf, compilePolicy } from "./compile.js";
export type { CompiledPolicy } from "./compiled.js";
export {
  type Contract,
  ContractC,
  type ContractChoice,
  type ContractCustomer,
  type ContractOverlap,
  type Contracts,
  ContractsC,
  contractOverlaps,
  selectContract,
} from "./contracts.js";
export { isSlaPolicyError, type SlaPolicyError } from "./errors.js";
export type { LadderStep, Threshold } from "./ladder.js";
export { type PolicyCore, PolicyCoreC } from "./lifecycle.js";
export { loadPolicy, type PolicyLoadError } from "./load.js";
export {
  type Contact,
  type Contacts,
  type Locale,
  type NotificationPolicy,
  type NotificationRule,
  notificationRules,
} from "./notifications.js";
export { decodePolicy, type EncodedPolicy, type Policy, PolicyC } from "./policy.js";
export {
  findPriority,
  type ImpactRules,
  type PriorityLevel,
  type PriorityScale,
  PriorityScaleC,
  type PriorityValues,
  priorityForImpact,
  priorityRank,
  resolveKeyFieldPriority,
  resolvePriority,
} from "./priority.js";
export {
  type PolicyPin,
  type PolicyResolver,
  pinnedPolicy,
  policyVersionOf,
  singlePolicy,
} from "./resolver.js";
export {
  decodePolicySelection,
  type PolicySelection,
  PolicySelectionC,
  type SelectableField,
  type SelectionError,
  type SelectionFields,
  type SelectionOutcome,
  type SelectionRule,
  selectForNewTicket,
  selectingResolver,
  selectPolicyId,
} from "./selection.js";
export type { MetricPolicy, Ola, SlaPolicy, StopEvent, Target, Warning } from "./sla.js";
export { endOfBusinessDay, type TargetRule, targetRuleDeadline } from "./target-rule.js";
export { customerTiersOf, DEFAULT_CUSTOMER_TIERS, tierRank } from "./tiers.js";
export type { DowngradeOnSilence, TimeRules } from "./time-rules.js";
export type { RequirableField, Workflow } from "./workflow.js";
