import { defineConfig } from "vitest/config";

// Workspace packages are tested from source: the custom export condition
// "@ticketfold/source" points each package at its src/index.ts. Vitest's node
// environment only honours it through ssr.resolve.conditions.
export default defineConfig({
  ssr: { resolve: { conditions: ["@ticketfold/source"] } },
  resolve: { conditions: ["@ticketfold/source"] },
  test: {
    include: ["packages/*/src/**/*.test.ts", "examples/*/src/**/*.test.ts", "docs/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
