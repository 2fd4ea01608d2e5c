/**
 * The Forms tab's preference statements of one party, most important first:
 * drag a statement, or use its arrows, to move it; each move is one edit of
 * the YAML (editor/yaml-edits.ts moveStatement), so one step of undo.
 */
import { moveStatement } from "../../editor/yaml-edits.js";
import type { OutlineDm } from "../../editor/yaml-outline.js";
import { h } from "../widgets/dom.js";

/** edit: apply a change to the text and say what it did; false when it was refused. */
export function preferenceForm(dm: OutlineDm, edit: (what: string, change: (text: string) => string) => boolean): HTMLElement {
  if (!dm.statements)
    return h("section", { class: "pref-form" }, h("h4", {}, dm.name), h("p", { class: "muted" }, "An explicit ranking: edit it in the YAML."));
  const n = dm.statements.length;
  const move = (from: number, to: number, text: string) => edit(`${dm.name}: moved “${text}” to place ${to + 1}.`, (t) => moveStatement(t, dm.id, from, to));
  const list = h("ol", { class: "statements", "aria-label": `${dm.name}'s preference statements` });
  dm.statements.forEach((s, i) => {
    const key = `f-pref-${dm.id}-${i}`;
    const li = h(
      "li",
      { draggable: "true", "data-index": i, title: s.note ?? "" },
      h("span", { class: "grip", "aria-hidden": "true" }, "⠿"),
      h(
        "span",
        { class: "statement" },
        h("code", {}, s.text),
        s.probability !== undefined ? h("span", { class: "muted" }, ` (p = ${s.probability})`) : null,
        s.note ? h("span", { class: "note" }, s.note) : null,
      ),
      h(
        "button",
        {
          type: "button",
          class: "icon",
          disabled: i === 0,
          "data-key": `${key}-up`,
          "aria-label": `Move “${s.text}” up`,
          onclick: () => move(i, i - 1, s.text),
        },
        "↑",
      ),
      h(
        "button",
        {
          type: "button",
          class: "icon",
          disabled: i === n - 1,
          "data-key": `${key}-down`,
          "aria-label": `Move “${s.text}” down`,
          onclick: () => move(i, i + 1, s.text),
        },
        "↓",
      ),
    );
    li.addEventListener("dragstart", (e) => {
      e.dataTransfer?.setData("text/plain", `${dm.id}:${i}`);
      li.classList.add("dragging");
    });
    li.addEventListener("dragend", () => li.classList.remove("dragging"));
    li.addEventListener("dragover", (e) => {
      e.preventDefault();
      li.classList.add("drop-target");
    });
    li.addEventListener("dragleave", () => li.classList.remove("drop-target"));
    li.addEventListener("drop", (e) => {
      e.preventDefault();
      li.classList.remove("drop-target");
      const [who, from] = (e.dataTransfer?.getData("text/plain") ?? "").split(":");
      if (who === dm.id && Number(from) !== i) move(Number(from), i, dm.statements![Number(from)].text);
    });
    list.append(li);
  });
  return h("section", { class: "pref-form" }, h("h4", {}, dm.name), list);
}
