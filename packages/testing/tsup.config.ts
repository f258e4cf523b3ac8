import { defineConfig } from "tsup";

// The main entry (arbitraries, fixtures, specs) ships as ESM and CJS. The store contract suite
// imports vitest, which cannot be required from CommonJS, so it ships as ESM only, under the
// `@ticketfold/testing/store-contract` subpath.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
  },
  {
    entry: { "store-contract": "src/store-contract/index.ts" },
    format: ["esm"],
    dts: true,
    sourcemap: true,
    target: "node20",
  },
]);
