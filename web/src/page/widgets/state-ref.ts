/**
 * A state as the views name it: its number, a link that explains it, then its
 * short name (the ids of the options taken), which stays the same when an
 * edit renumbers the states.
 */
import { h } from "./dom.js";

export function stateRef(select: (id: number) => void, id: number, name: string, text = `state ${id}`): HTMLElement {
  return h(
    "span",
    { class: "state-ref" },
    h("button", { type: "button", class: "link", title: `Explain state ${id} (${name})`, onclick: () => select(id) }, text),
    " ",
    h("span", { class: "state-name" }, name),
  );
}
