/**
 * The API reference documents what users import: each published package's public subpaths,
 * never `internal` ones, never private packages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publicEntries } from "./api-entries.mjs";

const source = (file: string) => ({ "@ticketfold/source": file, import: file.replace("src", "dist") });

describe("publicEntries", () => {
  const dir = mkdtempSync(join(tmpdir(), "ticketfold-api-entries-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pkg = (folder: string, manifest: object) => {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, "package.json"), JSON.stringify(manifest));
  };
  pkg("core", {
    name: "@ticketfold/core",
    description: "The pure domain.",
    exports: {
      ".": source("./src/index.ts"),
      "./internal": source("./src/internal/index.ts"),
      "./package.json": "./package.json",
    },
  });
  pkg("testing", {
    name: "@ticketfold/testing",
    exports: { ".": source("./src/index.ts"), "./store-contract": source("./src/store-contract/index.ts") },
  });
  pkg("example", { name: "@ticketfold/example", private: true, exports: { ".": source("./src/index.ts") } });
  mkdirSync(join(dir, "not-a-package"));

  it("names each public subpath as it is imported and points at its source", () => {
    expect(publicEntries(dir)).toEqual([
      { name: "@ticketfold/core", file: join(dir, "core", "src/index.ts"), description: "The pure domain." },
      { name: "@ticketfold/testing", file: join(dir, "testing", "src/index.ts") },
      { name: "@ticketfold/testing/store-contract", file: join(dir, "testing", "src/store-contract/index.ts") },
    ]);
  });
});

describe("the repository's packages", () => {
  const entries = publicEntries();

  it("include the core, and no internal entry", () => {
    expect(entries.map((e) => e.name)).toContain("@ticketfold/core");
    expect(entries.filter((e) => e.name.split("/").includes("internal"))).toEqual([]);
  });
});
