import { defineConfig } from "tsup";

// The main entry (arbitraries, fixtures, specs), the laws, the simulator and the test workloads
// ship as ESM and CJS: none of them needs vitest. The contract suites import vitest, which cannot
// be required from CommonJS, so they ship as ESM only, under the
// `@ticketfold/testing/store-contract`, `/delivery-contract` and `/read-model-contract` subpaths.
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      laws: "src/laws/index.ts",
      simulator: "src/simulator/index.ts",
      workload: "src/workload/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
  },
  {
    entry: {
      "store-contract": "src/store-contract/index.ts",
      "delivery-contract": "src/delivery-contract/index.ts",
      "read-model-contract": "src/read-model-contract/index.ts",
    },
    format: ["esm"],
    dts: true,
    sourcemap: true,
    target: "node20",
  },
]);
