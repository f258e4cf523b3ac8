/**
 * What a store can hold. PostgreSQL's `text` and `jsonb` refuse U+0000, and UTF-8 has no form
 * for a lone surrogate (half of a UTF-16 pair): `jsonb` refuses it, and `text` silently turns
 * it into U+FFFD, so the value read back is not the value written. Every store refuses such
 * input before it writes (the in-memory one too, so that both behave the same), and decoders
 * may refuse it earlier with the same check. A number that is NaN or infinite has no JSON form
 * (JSON.stringify writes null): values holding one are refused too. Both checks are linear in
 * the size of the input.
 */

/** Why a store cannot hold the text `s`, or undefined when it can. */
export const unstorableText = (s: string): string | undefined => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return `contains U+0000 (NUL) at index ${i}, which PostgreSQL cannot store`;
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    const hex = c.toString(16).toUpperCase();
    return `contains a lone surrogate U+${hex} at index ${i}, which is not Unicode text`;
  }
  return undefined;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what PostgreSQL refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `s` with each U+0000 and lone surrogate replaced by U+FFFD, for text a store must keep
 * rather than refuse (a delivery error reported by a channel: it happened, so it is logged).
 */
export const toStorableText = (s: string): string => s.replace(UNSTORABLE, "\uFFFD");

/** Where a value cannot be stored, and why. */
export interface Unstorable {
  /** Path from the value given (`data.comments[2].body`, `data["a b"]`). */
  readonly path: string;
  readonly reason: string;
}

/** JSON nesting deeper than this is refused (PostgreSQL's parser has a stack limit too). */
export const MAX_JSON_DEPTH = 1000;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const keyPath = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const messageOf = (error: unknown): string => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "an error that cannot be shown";
  }
};

/** `value` as JSON.stringify sees it: the result of its toJSON(), when it has one. */
const asJson = (value: object): unknown => {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === "function" ? toJSON.call(value) : value;
};

const walk = (given: unknown, path: string, depth: number, open: Set<object>): Unstorable | undefined => {
  let value = given;
  if (typeof value === "object" && value !== null) {
    try {
      value = asJson(value);
    } catch (error) {
      return { path, reason: `threw when turned into JSON: ${messageOf(error)}` };
    }
  }
  if (typeof value === "string") {
    const reason = unstorableText(value);
    return reason === undefined ? undefined : { path, reason };
  }
  if (typeof value === "bigint") return { path, reason: "is a BigInt, which has no JSON form" };
  if (typeof value === "number" && !Number.isFinite(value)) {
    return { path, reason: `is ${value}, which has no JSON form (it would be stored as null)` };
  }
  if (typeof value !== "object" || value === null) return undefined;
  if (depth >= MAX_JSON_DEPTH) return { path, reason: `nests deeper than ${MAX_JSON_DEPTH} levels` };
  if (open.has(value)) return { path, reason: "contains itself (a cycle has no JSON form)" };
  open.add(value);
  try {
    const array = Array.isArray(value);
    const keys = array ? [] : Object.keys(value);
    const count = array ? (value as unknown[]).length : keys.length;
    for (let i = 0; i < count; i++) {
      const key = array ? String(i) : (keys[i] as string);
      const at = array ? `${path}[${i}]` : keyPath(path, key);
      const keyReason = array ? undefined : unstorableText(key);
      if (keyReason !== undefined) return { path: at, reason: `has a key that ${keyReason}` };
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch (error) {
        return { path: at, reason: `threw when read: ${messageOf(error)}` };
      }
      const found = walk(child, at, depth + 1, open);
      if (found) return found;
    }
    return undefined;
  } finally {
    open.delete(value);
  }
};

/**
 * The first place in `value` (kept as JSON, as stores keep data and metadata) that a store
 * cannot hold, or undefined. `path` names the value itself (`events[0].data`). A getter or
 * `toJSON` that throws makes the value unstorable, so this never throws.
 */
export const findUnstorable = (value: unknown, path: string): Unstorable | undefined => {
  try {
    return walk(value, path, 0, new Set());
  } catch (error) {
    return { path, reason: `cannot be read as JSON: ${messageOf(error)}` };
  }
};
