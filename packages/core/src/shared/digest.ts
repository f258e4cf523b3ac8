/**
 * Deterministic digests of values, for ids the core derives instead of drawing (command
 * fingerprints, timer command ids): canonical JSON, so equal values give equal text whatever
 * their key order, and 64-bit FNV-1a over its UTF-16 code units, written as 16 hex digits.
 * Not cryptographic: they tell values apart, they do not resist a forger.
 */

/** JSON with object keys in code-unit order and undefined members left out. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
      });
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
};

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits. */
export const fnv1a64 = (text: string): string => {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * FNV_PRIME);
  }
  return hash.toString(16).padStart(16, "0");
};
