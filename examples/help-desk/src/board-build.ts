/**
 * Builds the agent board: esbuild bundles `board/main.tsx` (Preact, JSX) into one ES module and
 * reads the hand-written stylesheet. No CDN: everything the page loads comes from this service.
 * The service builds it in memory when it starts; run as a script, it writes `dist/board/` so
 * the bundle can be looked at (`pnpm --filter @ticketfold/example-help-desk build:board`).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface BoardAssets {
  readonly js: string;
  readonly css: string;
}

const here = dirname(fileURLToPath(import.meta.url));

export const buildBoard = async (options: { readonly minify?: boolean } = {}): Promise<BoardAssets> => {
  const result = await build({
    entryPoints: [join(here, "board", "main.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: options.minify ?? true,
    legalComments: "none",
    logLevel: "silent",
  });
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error("esbuild produced no bundle");
  const css = await readFile(join(here, "board", "board.css"), "utf8");
  return { js, css };
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const assets = await buildBoard();
  const out = join(here, "..", "dist", "board");
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "board.js"), assets.js);
  await writeFile(join(out, "board.css"), assets.css);
  console.log(`board built: ${out}/board.js (${(assets.js.length / 1024).toFixed(1)} KiB), board.css`);
}
