import { defineConfig } from "tsup";

// Three entries: the public API (src/index.ts), `@ticketfold/core/internal` (src/internal.ts),
// the few internals the benchmarks build on, and `@ticketfold/core/schema` (JSON Schema from the
// codecs). The ESM build shares their modules in a common chunk; the CJS build gives each entry
// its own copy (nothing depends on identity: a codec's declared schema sits under a Symbol.for key).
export default defineConfig({
  entry: { index: "src/index.ts", internal: "src/internal.ts", schema: "src/schema/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
