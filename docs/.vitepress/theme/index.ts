/**
 * The site's theme: VitePress's default theme (its Inter font files are bundled, nothing is
 * fetched), with the style rules of style.css.
 */
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import "./style.css";

export default {
  extends: DefaultTheme,
} satisfies Theme;
