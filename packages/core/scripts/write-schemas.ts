/**
 * Writes the JSON Schema files the package ships (policy.schema.json and command.schema.json, at the package root) from the codecs:
 * `pnpm --filter @ticketfold/core schemas`. The test in src/schema/files.test.ts fails while
 * they differ from what the codecs generate.
 */
import { writeFileSync } from "node:fs";
import { commandJsonSchema, policyJsonSchema } from "../src/schema/index.js";

const files = {
  "policy.schema.json": policyJsonSchema(),
  "command.schema.json": commandJsonSchema(),
};
for (const [name, schema] of Object.entries(files)) {
  const url = new URL(`../${name}`, import.meta.url);
  writeFileSync(url, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote packages/core/${name}`);
}
