// Consumer smoke test: the packages installed as a user installs them. It checks the release
// metadata, builds, `pnpm pack`s every published package, installs the tarballs with npm into
// scratch apps in a temporary folder OUTSIDE the workspace (so nothing resolves through the
// workspace's node_modules or its "@ticketfold/source" condition), and runs them:
//   - app: core, store-memory and store-postgres on PGlite, from an ESM file and a CJS file (the
//     ESM file also opens a ticket through @ticketfold/http's Fetch handler, with no socket);
//     then `tsc --noEmit` with node16 and with bundler resolution (strict, skipLibCheck false)
//     over typed ESM and CJS modules, the pg server path and every package's root entry;
//   - pglite-only: core and store-postgres (with store-memory, which it depends on for the
//     personal-data cipher) with no `pg` and no `@types/pg`, type-checked the
//     same way, compiled and run.
// Usage: node .ci/consumer-smoke.mjs [--no-build]. Set TICKETFOLD_SMOKE_KEEP=1 to keep the
// scratch folder. Third-party packages come from the npm registry (npm's cache first).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkReleaseMetadata, publishedPackages } from "./release-metadata.mjs";

const root = resolve(import.meta.dirname, "..");
const templates = join(import.meta.dirname, "consumer");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const started = performance.now();
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

// npm must see the machine's npm configuration, not the variables pnpm sets for its scripts.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

const run = (command, args, cwd) => {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.status !== 0) {
    throw new Error(
      `\`${[command, ...args].join(" ")}\` in ${cwd} exited ${r.status ?? r.signal}\n${r.stdout}${r.stderr}`,
    );
  }
  return r.stdout;
};

const step = (title, work) => {
  const t = performance.now();
  const detail = work();
  console.log(`== consumer smoke: ${title}${detail ? `: ${detail}` : ""} (${seconds(t)} s)`);
};

/** The exact version of a third-party package the workspace installed for the package at `from`. */
const installedVersion = (name, from = root) =>
  JSON.parse(readFileSync(join(from, "node_modules", name, "package.json"), "utf8")).version;

const tarballName = (pkg) => `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`;

/** Writes a scratch app whose @ticketfold/* dependencies are the tarballs, and only those. */
const writeApp = (dir, tarballs, dependencies, devDependencies, files) => {
  mkdirSync(dir, { recursive: true });
  const local = Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]));
  // Every dependent's "@ticketfold/core": "^0.x" is pinned to the root's tarball: npm never
  // asks the registry for a @ticketfold name.
  const overrides = Object.fromEntries(Object.keys(tarballs).map((name) => [name, `$${name}`]));
  const manifest = {
    name: "ticketfold-consumer",
    private: true,
    type: "module",
    dependencies: { ...local, ...dependencies },
    devDependencies,
    overrides,
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const f of files) copyFileSync(join(templates, f), join(dir, f));
};

const tsconfig = (dir, file, compilerOptions, files) => {
  const base = { target: "es2022", lib: ["es2023"], types: ["node"], strict: true, skipLibCheck: false, noEmit: true };
  writeFileSync(join(dir, file), JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, files }, null, 2));
};

const npmInstall = (dir) =>
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);

/** Every @ticketfold package in the app's lock came from a tarball, never from a registry. */
const assertFromTarballs = (dir) => {
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.includes("node_modules/@ticketfold/")) continue;
    if (!String(entry.resolved ?? "").startsWith("file:")) throw new Error(`${path} was not installed from a tarball`);
  }
};

const assertAbsent = (dir, names) => {
  for (const name of names) {
    if (existsSync(join(dir, "node_modules", name))) throw new Error(`${name} is installed in ${dir}`);
  }
};

const work = mkdtempSync(join(tmpdir(), "ticketfold-consumer-"));
let failed = false;
try {
  let packages = [];
  step("release metadata", () => {
    packages = publishedPackages(root);
    checkReleaseMetadata(root, packages);
    return `${packages.length} packages at ${packages[0]?.version}`;
  });
  if (!process.argv.includes("--no-build")) step("pnpm build", () => void run("pnpm", ["build"], root));

  const tarballs = {};
  step("pnpm pack", () => {
    const out = join(work, "tarballs");
    for (const pkg of packages) {
      run("pnpm", ["pack", "--pack-destination", out], pkg.dir);
      tarballs[pkg.name] = join(out, tarballName(pkg));
      if (!existsSync(tarballs[pkg.name])) throw new Error(`pnpm pack made no ${tarballName(pkg)}`);
    }
    return Object.keys(tarballs).join(", ");
  });

  const thirdParty = (names) => Object.fromEntries(names.map((n) => [n, installedVersion(n)]));
  const fpTs = { "fp-ts": installedVersion("fp-ts", join(root, "packages", "core")) };

  const app = join(work, "app");
  step("app: npm install", () => {
    writeApp(
      app,
      tarballs,
      { ...thirdParty(["@electric-sql/pglite", "pg"]), ...fpTs },
      thirdParty(["@types/node", "@types/pg"]),
      ["desk.json", "esm.mjs", "cjs.cjs", "desk.ts", "desk.cts", "server.ts", "every-package.ts"],
    );
    npmInstall(app);
    assertFromTarballs(app);
  });
  step("app: node esm.mjs", () => run(process.execPath, ["esm.mjs"], app).trim().replaceAll("\n", "; "));
  step("app: node cjs.cjs", () => run(process.execPath, ["cjs.cjs"], app).trim().replaceAll("\n", "; "));
  step("app: tsc --noEmit (module node16)", () => {
    tsconfig(app, "tsconfig.node16.json", { module: "node16", moduleResolution: "node16" }, [
      "desk.ts",
      "desk.cts",
      "server.ts",
      "every-package.ts",
    ]);
    run(process.execPath, [tsc, "-p", "tsconfig.node16.json"], app);
  });
  step("app: tsc --noEmit (module esnext, moduleResolution bundler)", () => {
    tsconfig(app, "tsconfig.bundler.json", { module: "esnext", moduleResolution: "bundler" }, [
      "desk.ts",
      "server.ts",
      "every-package.ts",
    ]);
    run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], app);
  });

  const only = join(work, "pglite-only");
  step("pglite-only: npm install (no pg, no @types/pg)", () => {
    const mine = Object.fromEntries(
      ["@ticketfold/core", "@ticketfold/store-memory", "@ticketfold/store-postgres"].map((name) => [
        name,
        tarballs[name],
      ]),
    );
    writeApp(only, mine, { ...thirdParty(["@electric-sql/pglite"]), ...fpTs }, thirdParty(["@types/node"]), [
      "desk.json",
      "pglite-only.ts",
    ]);
    npmInstall(only);
    assertFromTarballs(only);
    assertAbsent(only, ["pg", "@types/pg"]);
  });
  step("pglite-only: tsc (module node16), then node", () => {
    tsconfig(only, "tsconfig.json", { module: "node16", moduleResolution: "node16", noEmit: false, outDir: "out" }, [
      "pglite-only.ts",
    ]);
    run(process.execPath, [tsc, "-p", "tsconfig.json"], only);
    return run(process.execPath, [join("out", "pglite-only.js")], only).trim();
  });
  console.log(`== consumer smoke: passed in ${seconds(started)} s`);
} catch (error) {
  failed = true;
  console.error(`== consumer smoke: FAILED after ${seconds(started)} s (scratch folder ${work})`);
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (process.env.TICKETFOLD_SMOKE_KEEP) console.log(`== consumer smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
