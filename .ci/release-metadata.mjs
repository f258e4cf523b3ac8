// Release metadata every published package must carry, checked before the consumer smoke test
// packs anything: one version for all (the changesets "fixed" group), 0.x until 1.0 is decided,
// internal dependencies as `workspace:^` (pnpm publishes them as `^<version>`), public access,
// the same repository placeholder everywhere, a README, and the changelog in the tarball.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository's host is a placeholder until the project has a public home; one everywhere. */
export const REPOSITORY_URL = "git+https://example.invalid/ticketfold.git";
export const REPOSITORY_WEB = "https://example.invalid/ticketfold";

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const dependencyFields = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

/** Every package under packages/ that is not private: what `changeset publish` publishes. */
export const publishedPackages = (root) =>
  readdirSync(join(root, "packages"))
    .map((folder) => ({ folder, dir: join(root, "packages", folder) }))
    .filter(({ dir }) => existsSync(join(dir, "package.json")))
    .map(({ folder, dir }) => ({ folder, dir, manifest: readJson(join(dir, "package.json")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map((p) => ({ ...p, name: p.manifest.name, version: p.manifest.version }));

const workspaceManifests = (root) =>
  ["packages", "examples"]
    .flatMap((d) => (existsSync(join(root, d)) ? readdirSync(join(root, d)).map((f) => join(root, d, f)) : []))
    .concat([join(root, "bench")])
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => readJson(join(dir, "package.json")));

/** The bump types the pending changesets ask for, by package. */
const pendingBumps = (root) => {
  const dir = join(root, ".changeset");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .flatMap((f) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, f), "utf8"))?.[1] ?? "";
      return [...front.matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((m) => ({
        file: f,
        name: m[1],
        bump: m[2],
      }));
    });
};

/** Throws one error listing every rule a published package or the changesets config breaks. */
export const checkReleaseMetadata = (root, packages) => {
  const problems = [];
  const version = packages[0]?.version;
  if (packages.length === 0) problems.push("no published packages under packages/");
  for (const { folder, dir, name, manifest: m } of packages) {
    const at = (rule) => problems.push(`${name}: ${rule}`);
    if (m.version !== version) at(`version ${m.version}, not ${version} like the others (one fixed group)`);
    if (!/^0\.\d+\.\d+$/.test(m.version)) at(`version ${m.version} is not 0.x (1.0 is a decision, not a bump)`);
    if (m.license !== "MIT") at("license is not MIT");
    if (m.repository?.url !== REPOSITORY_URL) at(`repository.url is not ${REPOSITORY_URL}`);
    if (m.repository?.directory !== `packages/${folder}`) at(`repository.directory is not packages/${folder}`);
    if (m.homepage !== `${REPOSITORY_WEB}/tree/main/packages/${folder}#readme`) at("homepage is not its README");
    if (m.bugs?.url !== `${REPOSITORY_WEB}/issues`) at(`bugs.url is not ${REPOSITORY_WEB}/issues`);
    if (m.publishConfig?.access !== "public") at('publishConfig.access is not "public" (a scoped package)');
    if (!Array.isArray(m.keywords) || m.keywords.length === 0) at("no keywords");
    if (m.sideEffects !== false) at("sideEffects is not false");
    for (const f of ["dist", "CHANGELOG.md"]) if (!m.files?.includes(f)) at(`files does not include ${f}`);
    if (!existsSync(join(dir, "README.md"))) at("no README.md");
  }
  for (const m of workspaceManifests(root)) {
    for (const field of dependencyFields) {
      for (const [dep, spec] of Object.entries(m[field] ?? {})) {
        if (dep.startsWith("@ticketfold/") && spec !== "workspace:^") {
          problems.push(`${m.name}: ${field}.${dep} is ${spec}, not workspace:^`);
        }
      }
    }
  }
  const config = readJson(join(root, ".changeset", "config.json"));
  const names = packages.map((p) => p.name).sort();
  const fixed = [...(config.fixed?.[0] ?? [])].sort();
  if (config.fixed?.length !== 1 || JSON.stringify(fixed) !== JSON.stringify(names)) {
    problems.push(`.changeset/config.json: "fixed" must be one group of exactly ${names.join(", ")}`);
  }
  if (config.access !== "public") problems.push('.changeset/config.json: access is not "public"');
  for (const { file, name, bump } of pendingBumps(root)) {
    if (bump === "major" && version?.startsWith("0.")) {
      problems.push(`.changeset/${file}: ${name} asks for a major bump; in 0.x a breaking change is a minor one`);
    }
  }
  if (problems.length > 0) throw new Error(`release metadata:\n  ${problems.join("\n  ")}`);
};
