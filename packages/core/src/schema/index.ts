/**
 * schema/ — JSON Schema (draft 2020-12) generated from the codecs: the converter, the way a custom
 * codec declares its schema, and the policy and command documents the package ships.
 * Published as `@ticketfold/core/schema`.
 */
export {
  declaredJsonSchema,
  JSON_SCHEMA,
  type JsonSchema,
  type JsonSchemaAnnotation,
  type JsonSchemaDeclaration,
  type JsonSchemaTools,
  withJsonSchema,
} from "../shared/json-schema.js";
export { commandJsonSchema, policyJsonSchema } from "./documents.js";
export {
  JSON_SCHEMA_DIALECT,
  type JsonSchemaDocument,
  JsonSchemaError,
  type ToJsonSchemaOptions,
  toJsonSchema,
} from "./to-json-schema.js";
