/**
 * Upcasters turn an event written under an older schema version into the current one,
 * before decoding. Each step takes the raw JSON of version n and returns version n + 1, so a
 * stored history never needs rewriting.
 *
 * Comment visibility fails closed: a stored comment is public only when every visibility mark
 * its row carries says so (`sealCommentVisibility`); whatever is not provably public decodes as
 * internal, or not at all.
 */

type Json = Record<string, unknown>;
type Step = (raw: Json) => Json;

const dataOf = (raw: Json): Json =>
  typeof raw.data === "object" && raw.data !== null && !Array.isArray(raw.data) ? (raw.data as Json) : {};

/**
 * `commented` v1 → v2. Version 1 marked private notes with `internal: boolean` and had no
 * attachments; version 2 names the visibility and always lists attachments. Only
 * `internal: false` exactly (and no `visibility` other than `"public"`) is public: `true`, a
 * missing `internal`, `"true"`, `1`, `null` or any other value is internal, and so is a current
 * row (`visibility: "internal"`) whose schema version says 1.
 */
const commentedV1toV2: Step = (raw) => {
  const { internal, ...rest } = dataOf(raw);
  const visibility = rest.visibility;
  const provablyPublic = internal === false && (visibility === undefined || visibility === "public");
  return {
    ...raw,
    schemaVersion: 2,
    data: { ...rest, visibility: provablyPublic ? "public" : "internal", attachments: [] },
  };
};

/** `upcasters[type][n]` upgrades version n to n + 1. */
export const upcasters: Readonly<Record<string, Readonly<Record<number, Step>>>> = {
  commented: { 1: commentedV1toV2 },
};

/**
 * A current `commented` row that also carries an `internal` mark other than `false` (a
 * half-migrated or tampered row) is internal whatever its `visibility` says; the stray mark is
 * dropped. Other rows pass through.
 */
export const sealCommentVisibility = (raw: unknown): unknown => {
  if (typeof raw !== "object" || raw === null || (raw as Json).type !== "commented") return raw;
  const event = raw as Json;
  const data = event.data;
  if (typeof data !== "object" || data === null || Array.isArray(data) || !Object.hasOwn(data, "internal")) {
    return raw;
  }
  const { internal, ...rest } = data as Json;
  const visibility = internal === false || rest.visibility !== "public" ? rest.visibility : "internal";
  return { ...event, data: { ...rest, visibility } };
};

/**
 * Applies every step from the event's version up to the current one, then seals a comment's
 * visibility; other values pass through.
 */
export const upcast = (raw: unknown): unknown => {
  if (typeof raw !== "object" || raw === null) return raw;
  let event = raw as Json;
  const steps =
    typeof event.type === "string" && Object.hasOwn(upcasters, event.type) ? upcasters[event.type] : undefined;
  if (!steps) return raw;
  for (;;) {
    const version = event.schemaVersion;
    const step = typeof version === "number" && Object.hasOwn(steps, version) ? steps[version] : undefined;
    if (!step) return sealCommentVisibility(event);
    event = step(event);
  }
};
