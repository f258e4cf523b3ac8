/**
 * The public entries of the published packages, read from each package.json: every `exports`
 * subpath's "@ticketfold/source" file, named as a user imports it (`@ticketfold/testing/store-contract`).
 * Private packages, `./package.json` and any `internal` subpath (`@ticketfold/core/internal` is
 * for the adapters, not for users) stay out of the reference. Read at build time, so a package
 * that gains or loses an entry needs no change here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const packagesDir = resolve(import.meta.dirname, "..", "..", "packages");

/**
 * @typedef {object} PublicEntry
 * @property {string} name the import specifier
 * @property {string} file its source file
 * @property {string} [description] the package.json description, for a package's main entry
 */

/**
 * @param {string} [dir] the folder holding one folder per package
 * @returns {PublicEntry[]}
 */
export const publicEntries = (dir = packagesDir) =>
  readdirSync(dir)
    .sort()
    .flatMap((pkg) => {
      const manifestPath = join(dir, pkg, "package.json");
      if (!existsSync(manifestPath)) return [];
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      if (manifest.private) return [];
      return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
        if (subpath === "./package.json" || subpath.split("/").includes("internal")) return [];
        const source = typeof target === "object" && target !== null ? target["@ticketfold/source"] : undefined;
        if (typeof source !== "string") return [];
        const name = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
        const file = join(dir, pkg, source);
        const main = subpath === "." && typeof manifest.description === "string";
        return [main ? { name, file, description: manifest.description } : { name, file }];
      });
    });
