/**
 * How a codec declares its JSON Schema. The io-ts combinators (`t.type`, `t.union`, …) are
 * described by their structure (`toJsonSchema`, `@ticketfold/core/schema`); a custom `t.Type`
 * has only a validate function, so it must say what JSON it accepts, or generating a schema
 * that reaches it fails. The declaration rides on the codec under a `Symbol.for` key, so every
 * copy of the core (ESM, CommonJS) reads the same one.
 */
import type * as t from "io-ts";

/** A JSON Schema (draft 2020-12), or a subschema, as plain data. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** What a wrapping codec's schema may be built from: the converter, applied to the codecs it wraps. */
export interface JsonSchemaTools {
  /** The schema of another codec (as a `$ref` when that codec has a named definition). */
  readonly schemaOf: (codec: t.Decoder<unknown, unknown>) => JsonSchema;
  /** The schema of an object codec with every unknown key refused (`additionalProperties: false`). */
  readonly closed: (codec: t.Decoder<unknown, unknown>) => JsonSchema;
}

/** A codec's declared schema: the schema itself, or built from the codecs it wraps. */
export type JsonSchemaDeclaration = JsonSchema | ((tools: JsonSchemaTools) => JsonSchema);

export interface JsonSchemaAnnotation {
  readonly schema: JsonSchemaDeclaration;
  /** When given, the schema is written once under `$defs[def]` and each use is a `$ref`. */
  readonly def?: string;
}

/** The key of a codec's declared schema. */
export const JSON_SCHEMA: unique symbol = Symbol.for("@ticketfold/core/json-schema");

/**
 * Declares the JSON Schema of a custom codec (its wire form: what `decode` accepts) and returns
 * the codec. `def` names a shared definition (`$defs`). Rules a schema cannot say (a real
 * calendar date, a known time zone) stay with the decoder; the schema says as much as it can.
 */
export const withJsonSchema = <C extends t.Decoder<unknown, unknown>>(
  codec: C,
  schema: JsonSchemaDeclaration,
  def?: string,
): C => {
  const annotation: JsonSchemaAnnotation = def === undefined ? { schema } : { schema, def };
  Object.defineProperty(codec, JSON_SCHEMA, { value: annotation, configurable: true, enumerable: false });
  return codec;
};

/** The schema a codec declared, if any. */
export const declaredJsonSchema = (codec: unknown): JsonSchemaAnnotation | undefined =>
  typeof codec === "object" && codec !== null
    ? ((codec as { [JSON_SCHEMA]?: JsonSchemaAnnotation })[JSON_SCHEMA] ?? undefined)
    : undefined;
