/** A modal question with labelled choices (a native <dialog>: focus is trapped, Escape answers "cancel"). */
import { h } from "./dom.js";

export interface Choice<T extends string> {
  value: T;
  label: string;
  primary?: boolean;
}

export function ask<T extends string>(title: string, message: string | Node, choices: Choice<T>[], cancel: T): Promise<T> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "dialog", "aria-labelledby": "dialog-title" });
    const done = (v: T) => {
      dialog.close();
      dialog.remove();
      resolve(v);
    };
    dialog.append(
      h("h2", { id: "dialog-title" }, title),
      typeof message === "string" ? h("p", {}, message) : message,
      h(
        "div",
        { class: "dialog-buttons" },
        ...choices.map((c) =>
          h("button", { type: "button", class: c.primary ? "primary" : undefined, "data-choice": c.value, onclick: () => done(c.value) }, c.label),
        ),
      ),
    );
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      done(cancel);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>("button.primary")?.focus();
  });
}
