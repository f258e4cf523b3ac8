/**
 * The agent board's screenshots, read at build time from docs/public/screenshots/ (the board's
 * browser test writes them there): every image in file-name order, captioned by its name
 * ("02-ticket-timeline.png" → "ticket timeline"). An empty or missing folder gives none.
 */
import { basename } from "node:path";
import { defineLoader } from "vitepress";

export interface Screenshot {
  /** The path the site serves it at (public files are served from the root). */
  readonly src: string;
  readonly caption: string;
}

// What a page importing this loader receives (VitePress replaces the import with load's result).
export declare const data: readonly Screenshot[];

const caption = (file: string): string =>
  basename(file)
    .replace(/\.[^.]+$/, "")
    .replace(/^\d+[-_ ]*/, "")
    .replace(/[-_]+/g, " ");

export default defineLoader({
  watch: ["../public/screenshots/*.{png,jpg,jpeg,webp}"],
  load: (files: string[]): Screenshot[] =>
    [...files].sort().map((file) => ({ src: `/screenshots/${basename(file)}`, caption: caption(file) })),
});
