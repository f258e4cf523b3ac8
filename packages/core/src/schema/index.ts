/**
 * schema/ — JSON Schema (draft 2020-12) generated from the codecs: the converter, the way a custom
 * codec declares its schema, and the policy and command documents the package ships.
 * Published as `@ticketfold/core/schema`.
 */
export {
  /** The schema a codec declared with `withJsonSchema`, if any. @category schema */
  declaredJsonSchema,
  /** The `Symbol.for` key under which a codec carries its declared schema. @category schema */
  JSON_SCHEMA,
  /** A JSON Schema (2020-12) or subschema, as plain data. @category schema */
  type JsonSchema,
  /** A codec's declared schema and, optionally, its `$defs` name. @category schema */
  type JsonSchemaAnnotation,
  /** A declared schema: as given, or built from the codecs a wrapper wraps. @category schema */
  type JsonSchemaDeclaration,
  /** What a wrapper's schema is built with: `schemaOf(codec)` and `closed(codec)`. @category schema */
  type JsonSchemaTools,
  /** Declares the JSON Schema (wire form) of a custom `t.Type`; returns the codec. @category schema */
  withJsonSchema,
} from "../shared/json-schema.js";
export {
  /** The JSON Schema of a ticket command (what `decodeCommand` accepts). @category schema */
  commandJsonSchema,
  /** The JSON Schema of a policy file (what `decodePolicy` accepts). @category schema */
  policyJsonSchema,
} from "./documents.js";
export {
  /** The dialect URI every generated document names in `$schema`. @category schema */
  JSON_SCHEMA_DIALECT,
  /** A generated JSON Schema document. @category schema */
  type JsonSchemaDocument,
  /** Thrown for a codec with no JSON Schema (an undeclared custom type), naming where it was met. @category schema */
  JsonSchemaError,
  /** Options of `toJsonSchema`: `$id`, title, description, named `$defs`. @category schema */
  type ToJsonSchemaOptions,
  /** The JSON Schema (2020-12) of what an io-ts codec decodes, read from the codec. @category schema */
  toJsonSchema,
} from "./to-json-schema.js";
