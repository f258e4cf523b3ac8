/**
 * The board page's screenshot slot: each image of docs/public/screenshots/ as a figure with its
 * caption, or one line saying there are none yet. Used in board.md as <BoardScreenshots />
 * (GitHub shows nothing for the tag; the page's text says where the images come from).
 */
import { withBase } from "vitepress";
import { defineComponent, h } from "vue";
import { data as screenshots } from "../screenshots.data.js";

export const BoardScreenshots = defineComponent({
  name: "BoardScreenshots",
  setup: () => () =>
    screenshots.length === 0
      ? h("p", { class: "board-screenshots-none" }, "No screenshots yet: the board's browser test has not made any.")
      : h(
          "div",
          { class: "board-screenshots" },
          screenshots.map((shot) =>
            h("figure", { key: shot.src }, [
              h("img", { src: withBase(shot.src), alt: shot.caption, loading: "lazy" }),
              h("figcaption", shot.caption),
            ]),
          ),
        ),
});
