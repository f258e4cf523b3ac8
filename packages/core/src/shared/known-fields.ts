/**
 * Refusing fields a shape does not know. A typo such as `"thur"` in a calendar or `"retaget"`
 * in a policy must not silently close a day or keep the default, so every field an object
 * shape does not declare is a decode error naming its path, with the fields it could be.
 *
 * `knownFields` checks one object against a list; `strictCodec` applies the check to every
 * object shape inside a codec built from io-ts's combinators (`type`, `partial`,
 * `intersection`, `union`, `array`, `record`, refinements), taking the known fields from the
 * shapes themselves, so a field added to a shape is known without being listed twice.
 */
import * as t from "io-ts";
import { declaredJsonSchema, JSON_SCHEMA, withJsonSchema } from "./json-schema.js";

/** The `expected` of the decode issue for an unknown field (shared/decode.ts). */
export const UNKNOWN_FIELD = "UnknownField";
const UnknownFieldC = new t.Type<never, never, unknown>(
  UNKNOWN_FIELD,
  (_u): _u is never => false,
  (u, c) => t.failure(u, c),
  (n) => n,
);

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

/** Edit distance of two short names (insertions, deletions, substitutions, swaps of neighbours). */
const distance = (a: string, b: string): number => {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
};

/** The known field a typo most likely meant (at most two edits away), if any. */
const meant = (field: string, fields: readonly string[]): string | undefined => {
  let best: string | undefined;
  let bestDistance = 3;
  for (const f of fields) {
    const n = distance(field.toLowerCase(), f.toLowerCase());
    if (n < bestDistance) {
      best = f;
      bestDistance = n;
    }
  }
  return best;
};

/** Errors for the fields of `u` not among `fields`, each at its own path. */
const unknownFieldErrors = (
  u: Record<string, unknown>,
  c: t.Context,
  fields: readonly string[],
  what: string | undefined,
): t.ValidationError[] =>
  Object.keys(u)
    .filter((k) => !fields.includes(k))
    .map((k) => {
      const guess = meant(k, fields);
      return {
        value: u[k],
        context: t.appendContext(c, k, UnknownFieldC, u[k]),
        message:
          `unknown field${what === undefined ? "" : ` of ${what}`}` +
          (guess === undefined ? "" : ` (did you mean "${guess}"?)`) +
          `; expected one of ${fields.join(", ")}`,
      };
    });

/** Runs `codec` under an entry with an empty key, which is not part of the path (shared/decode.ts). */
const validateInner = <A>(codec: t.Type<A, unknown, unknown>, u: unknown, c: t.Context) =>
  codec.validate(u, t.appendContext(c, "", codec, u));

export const knownFields = <A, O>(codec: t.Type<A, O, unknown>, fields: readonly string[], what: string) =>
  withJsonSchema(
    new t.Type<A, O, unknown>(
      codec.name,
      codec.is,
      (u, c) => {
        if (!isRecord(u)) return t.failure(u, c, `expected ${what} (an object)`);
        const extra = unknownFieldErrors(u, c, fields, what);
        // An entry with an empty key is not part of the path; it lets the path skip the
        // members of an inner intersection, as it does for io-ts's own combinators.
        const inner = validateInner(codec, u, c);
        if (inner._tag === "Left") return t.failures([...extra, ...inner.left]);
        return extra.length > 0 ? t.failures(extra) : inner;
      },
      codec.encode,
    ),
    // The schema of a shape with no other fields (JSON Schema's `additionalProperties: false`).
    ({ closed }) => closed(codec),
  );

// biome-ignore lint/suspicious/noExplicitAny: walks codecs of any shape
type AnyCodec = t.Type<any, any, unknown>;
type Tagged = AnyCodec & { readonly _tag?: string };

/** The fields of an object shape (a union of shapes: the fields of any of them); undefined for other codecs. */
const fieldsOf = (codec: Tagged): readonly string[] | undefined => {
  switch (codec._tag) {
    case "InterfaceType":
    case "PartialType":
    case "StrictType":
      return Object.keys((codec as unknown as { props: t.Props }).props);
    case "ExactType":
    case "RefinementType":
    case "ReadonlyType":
      return fieldsOf((codec as unknown as { type: Tagged }).type);
    case "IntersectionType":
    case "UnionType": {
      const all = (codec as unknown as { types: Tagged[] }).types.map(fieldsOf);
      if (all.some((f) => f === undefined)) return undefined;
      return [...new Set(all.flat() as string[])];
    }
    default:
      return undefined;
  }
};

const mapProps = (props: t.Props): t.Props =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, strictCodec(v as AnyCodec)]));

/** A union whose objects are tried only against its object shapes, and other values only against the rest. */
const splitUnion = (name: string, original: readonly AnyCodec[]): AnyCodec => {
  const shapes = original.filter((m) => fieldsOf(m) !== undefined).map(strictCodec);
  const others = original.filter((m) => fieldsOf(m) === undefined).map(strictCodec);
  const all = t.union(original.map(strictCodec) as unknown as [AnyCodec, AnyCodec, ...AnyCodec[]], name);
  if (shapes.length === 0 || others.length === 0) return all;
  const pick = (ms: AnyCodec[]) => (ms.length === 1 ? (ms[0] as AnyCodec) : t.union(ms as [AnyCodec, AnyCodec], name));
  const forObjects = pick(shapes);
  const forOthers = pick(others);
  return withJsonSchema(
    new t.Type(name, all.is, (u, c) => validateInner(isRecord(u) ? forObjects : forOthers, u, c), all.encode),
    ({ schemaOf }) => schemaOf(all),
  );
};

/** The codec rebuilt with strict parts, its own fields not checked (the caller checks them). */
const rebuild = (codec: Tagged): AnyCodec => {
  const c = codec as unknown as {
    props: t.Props;
    type: AnyCodec;
    types: AnyCodec[];
    domain: AnyCodec;
    codomain: AnyCodec;
    predicate: (a: unknown) => boolean;
  };
  switch (codec._tag) {
    case "InterfaceType":
      return t.type(mapProps(c.props), codec.name);
    case "PartialType":
      return t.partial(mapProps(c.props), codec.name);
    case "ExactType":
      return t.exact(rebuild(c.type) as t.HasProps, codec.name);
    case "RefinementType":
      return t.refinement(rebuild(c.type), c.predicate, codec.name);
    case "ReadonlyType":
      return t.readonly(rebuild(c.type), codec.name);
    case "IntersectionType":
      return t.intersection(c.types.map(rebuild) as unknown as [AnyCodec, AnyCodec], codec.name);
    case "UnionType":
      // The members of a union of shapes share the union's field check; other members are strict.
      return fieldsOf(codec) !== undefined
        ? t.union(c.types.map(rebuild) as unknown as [AnyCodec, AnyCodec], codec.name)
        : splitUnion(codec.name, c.types);
    case "ArrayType":
      return t.array(strictCodec(c.type), codec.name);
    case "ReadonlyArrayType":
      return t.readonlyArray(strictCodec(c.type), codec.name);
    case "DictionaryType":
      return t.record(c.domain, strictCodec(c.codomain), codec.name);
    default:
      return codec;
  }
};

const strictCache = new WeakMap<AnyCodec, AnyCodec>();

/**
 * `codec` with every object shape in it closed: a field no shape declares is an error at its
 * path (`sla.timer`), whose message lists the fields the shape has. Codecs not built from
 * io-ts's combinators (custom `t.Type`s) are kept as they are, with their own checks.
 */
export const strictCodec = <A, O>(codec: t.Type<A, O, unknown>): t.Type<A, O, unknown> => {
  const found = strictCache.get(codec);
  if (found) return found;
  const fields = fieldsOf(codec as Tagged);
  const inner = rebuild(codec as Tagged);
  const out: AnyCodec =
    fields === undefined
      ? inner
      : withJsonSchema(
          new t.Type(
            codec.name,
            codec.is,
            (u, c) => {
              if (!isRecord(u)) return inner.validate(u, c);
              const extra = unknownFieldErrors(u, c, fields, undefined);
              const result = validateInner(inner, u, c);
              // A union of shapes with an unknown field (`{ "percnt": 75 }`) fails every member for
              // want of the field the typo meant; the typo alone says what is wrong.
              if (result._tag === "Left" && extra.length > 0 && (codec as Tagged)._tag === "UnionType")
                return t.failures(extra);
              if (result._tag === "Left") return t.failures([...extra, ...result.left]);
              return extra.length > 0 ? t.failures(extra) : result;
            },
            codec.encode,
          ),
          // Every shape inside is closed as well (JSON Schema's `additionalProperties: false`).
          ({ closed }) => closed(inner),
        );
  // A codec that declared its JSON Schema (a branded id, a refinement) keeps it when rebuilt.
  const declared = declaredJsonSchema(codec);
  if (declared !== undefined && fields === undefined && out !== codec)
    Object.defineProperty(out, JSON_SCHEMA, { value: declared, configurable: true, enumerable: false });
  strictCache.set(codec, out);
  return out;
};
