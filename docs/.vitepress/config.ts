/**
 * The docs site: VitePress over the Markdown in docs/, where the pages stay (GitHub renders the
 * same files, and the README of docs/ is its landing page there). The site adds a home page
 * (index.md), shows docs/README.md as /overview, a sidebar by concept, the API reference TypeDoc
 * writes into docs/api/ before each build, and local search. Everything is built offline: no
 * web fonts, no remote assets. Internal dead links fail the build (VitePress's default).
 */
import { existsSync, readFileSync } from "node:fs";
import { type DefaultTheme, defineConfig } from "vitepress";
import { guideSidebar } from "./sidebar.js";

const docsDir = new URL("..", import.meta.url);

// Written by `pnpm api` (typedoc-vitepress-theme). Missing only if VitePress runs without it;
// then the API links are dead and the build says so. Only the packages go into the sidebar:
// VitePress inlines the whole sidebar into every page, and one link per export (600 of them)
// made each page 180 kB. A package's page lists its exports by category, one line each.
const apiSidebarFile = new URL("api/typedoc-sidebar.json", docsDir);
const apiPackages: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? (JSON.parse(readFileSync(apiSidebarFile, "utf8")) as DefaultTheme.SidebarItem[]).flatMap(({ text, link }) =>
      text !== undefined && link !== undefined ? [{ text, link }] : [],
    )
  : [];

export default defineConfig({
  title: "Ticketfold",
  description:
    "An event-sourced support-ticket engine: ticket lifecycle, SLA clocks on business calendars, escalation.",
  lang: "en",
  // docs/README.md is what GitHub shows for the folder; on the site it is the overview page.
  rewrites: { "README.md": "overview.md" },
  // VitePress only strips its web-font import when this is false; say so rather than rely on it.
  useWebFonts: false,
  // The one chunk past Vite's 500 kB warning is the local search index (1.3 MB, the API
  // reference mostly), loaded only when search opens.
  vite: { build: { chunkSizeWarningLimit: 2000 } },
  themeConfig: {
    nav: [
      { text: "Guide", link: "/overview", activeMatch: "^/(?!api/)" },
      { text: "API reference", link: "/api/", activeMatch: "^/api/" },
    ],
    sidebar: {
      "/api/": [{ text: "API reference", link: "/api/", items: apiPackages }],
      "/": guideSidebar(docsDir),
    },
    outline: { level: [2, 3] },
    search: {
      provider: "local",
      options: {
        miniSearch: {
          // The reference has 600 pages of headings; a guide page that explains the word comes first.
          // (VitePress ships this function to the browser as source: it must stand alone.)
          searchOptions: { boostDocument: (id: string) => (id.includes("/api/") ? 0.3 : 1) },
        },
      },
    },
  },
});
