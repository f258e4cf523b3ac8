import { defineConfig } from "tsup";

// Two entries: the public API (src/index.ts) and `@ticketfold/core/internal` (src/internal.ts),
// the few internals the benchmarks build on. The ESM build shares their modules in a common
// chunk; the CJS build gives each entry its own copy (nothing in internal depends on identity).
export default defineConfig({
  entry: { index: "src/index.ts", internal: "src/internal.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
