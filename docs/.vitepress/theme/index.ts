/**
 * The site's theme: VitePress's default theme (its Inter font files are bundled, nothing is
 * fetched), the style rules of style.css, and the components pages use.
 */
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { BoardScreenshots } from "./BoardScreenshots.js";
import "./style.css";

export default {
  extends: DefaultTheme,
  enhanceApp: ({ app }) => {
    app.component("BoardScreenshots", BoardScreenshots);
  },
} satisfies Theme;
