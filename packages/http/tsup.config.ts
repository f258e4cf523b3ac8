import { defineConfig } from "tsup";

// The root entry is runtime-neutral (Fetch API only); the node:http bridge is its own subpath,
// so a Deno, Bun or edge app never type-checks or bundles node:* imports.
export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
