/**
 * Upcasters turn an event written under an older schema version into the current one,
 * before decoding. Each step takes the raw JSON of version n and returns version n + 1, so a
 * stored history never needs rewriting.
 */

type Json = Record<string, unknown>;
type Step = (raw: Json) => Json;

/**
 * `commented` v1 → v2. Version 1 marked private notes with `internal: boolean` and had no
 * attachments; version 2 names the visibility and always lists attachments.
 */
const commentedV1toV2: Step = (raw) => {
  const data = (raw.data ?? {}) as Json;
  const { internal, ...rest } = data;
  return {
    ...raw,
    schemaVersion: 2,
    data: { ...rest, visibility: internal === true ? "internal" : "public", attachments: [] },
  };
};

/**
 * `escalation-level-reached` v1 → v2. Version 1 had no cycle: ladder steps were recorded once
 * per ticket (keyed with cycle 0). Version 2 names the cycle of the step's metric, so a step
 * reached again in a later cycle (a reopen with `reopen: "restart"`, a re-target) is recorded
 * again. A v1 step was recorded in cycle 0.
 */
const escalationV1toV2: Step = (raw) => ({
  ...raw,
  schemaVersion: 2,
  data: { ...((raw.data ?? {}) as Json), cycle: 0 },
});

/** `upcasters[type][n]` upgrades version n to n + 1. */
export const upcasters: Readonly<Record<string, Readonly<Record<number, Step>>>> = {
  commented: { 1: commentedV1toV2 },
  "escalation-level-reached": { 1: escalationV1toV2 },
};

/** Applies every step from the event's version up to the current one; other values pass through. */
export const upcast = (raw: unknown): unknown => {
  if (typeof raw !== "object" || raw === null) return raw;
  let event = raw as Json;
  const steps = typeof event.type === "string" ? upcasters[event.type] : undefined;
  if (!steps) return raw;
  for (;;) {
    const version = event.schemaVersion;
    const step = typeof version === "number" ? steps[version] : undefined;
    if (!step) return event;
    event = step(event);
  }
};
