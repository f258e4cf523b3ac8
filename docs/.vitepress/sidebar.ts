/**
 * The guide's sidebar: the pages of docs/ grouped by concept. A page added to docs/ but not
 * listed here still appears, under "More", titled by its first heading, so a new page is never
 * unreachable while its author has not placed it yet.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { DefaultTheme } from "vitepress";

type Group = { readonly text: string; readonly pages: readonly (readonly [page: string, text: string])[] };

const groups: readonly Group[] = [
  {
    text: "Start",
    pages: [
      ["overview", "Overview"],
      ["concepts", "Concepts"],
      ["embedding", "Embedding"],
      ["schemas", "JSON Schema"],
      ["attachments", "Attachments"],
      ["contracts", "Contracts and tiers"],
    ],
  },
  {
    text: "Time and SLA",
    pages: [
      ["calendars", "Calendars"],
      ["sessions", "Working sessions"],
      ["sla", "SLA and products compared"],
      ["testing", "Testing your SLA rules"],
    ],
  },
  {
    text: "Storage and read models",
    pages: [
      ["storage", "Storage"],
      ["projections", "Projections"],
      ["scaling", "Scaling"],
      ["personal-data", "Personal data and erasure"],
    ],
  },
  {
    text: "Delivery",
    pages: [
      ["notifications", "Notifications"],
      ["delivery", "Delivery"],
      ["email-intake", "Email intake"],
    ],
  },
  { text: "Serving", pages: [["http", "HTTP adapter"]] },
  { text: "Examples", pages: [["board", "Agent board"]] },
  {
    // docs/design/: the decisions the code comments cite (docs/design/<note>.md#<section>).
    text: "Design notes",
    pages: [
      ["design/sla-semantics", "SLA semantics"],
      ["design/event-store", "Event store and adapters"],
    ],
  },
];

// Pages that are not guide pages: the home page, and README.md, served as "overview".
const notGuide = new Set(["index", "README"]);

const firstHeading = (markdown: string): string | undefined => /^# (.+)$/m.exec(markdown)?.[1]?.trim();

export const guideSidebar = (docsDir: URL): DefaultTheme.SidebarItem[] => {
  const listed = new Set(groups.flatMap((group) => group.pages.map(([page]) => page)));
  const unlisted = readdirSync(docsDir)
    .filter((file) => file.endsWith(".md"))
    .map((file) => file.slice(0, -".md".length))
    .filter((page) => !listed.has(page) && !notGuide.has(page))
    .sort()
    .map((page) => ({
      text: firstHeading(readFileSync(new URL(`${page}.md`, docsDir), "utf8")) ?? page,
      link: `/${page}`,
    }));
  return [
    ...groups.map((group) => ({
      text: group.text,
      items: group.pages.map(([page, text]) => ({ text, link: `/${page}` })),
    })),
    ...(unlisted.length > 0 ? [{ text: "More", items: unlisted }] : []),
  ];
};
