/**
 * Forms for the common edits: rename a party or an option, say whether an
 * option can be undone, add an option, reorder a party's preference
 * statements (buttons, or drag and drop). Every form edits the YAML text
 * (see yaml-edits.ts), so the editor, its undo history and the forms never
 * disagree: the forms are redrawn from the text after each change.
 */
import { clear, h } from "../dom.js";
import { addOption, badOptionId, EditError, moveStatement, outline, setDmName, setIrreversible, setOptionLabel, type Irreversible, type OutlineDm } from "../yaml-edits.js";

export class FormsPanel {
  private text = "";
  private rendered = "";
  private visible = false;
  private readonly status: HTMLElement;
  private readonly content: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly hooks: { edit(change: (text: string) => string): void },
  ) {
    this.status = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
    this.content = h("div", { class: "forms" });
    root.append(
      h("p", { class: "muted forms-intro" }, "These forms change the YAML text; each change can be undone with Ctrl+Z."),
      this.status,
      this.content,
    );
  }

  setText(text: string): void {
    this.text = text;
    if (this.visible) this.render();
  }

  show(): void {
    this.visible = true;
    this.render();
  }

  hide(): void {
    this.visible = false;
  }

  private edit(what: string, change: (text: string) => string): void {
    try {
      this.hooks.edit(change);
      this.status.textContent = what;
      this.status.classList.remove("error");
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      this.status.textContent = e.message;
      this.status.classList.add("error");
    }
  }

  private render(): void {
    if (this.rendered === this.text) return;
    let dms: OutlineDm[];
    try {
      dms = outline(this.text);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      clear(this.content, h("p", { class: "error" }, "The YAML has a syntax error; fix it in the editor to use the forms (see Problems below)."));
      this.rendered = "";
      return;
    }
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    this.rendered = this.text;
    clear(
      this.content,
      h("h3", {}, "Parties and their options"),
      ...dms.map((dm, d) => this.dmForm(dm, d)),
      h("h3", {}, "Preferences, most important first"),
      h("p", { class: "muted" }, "Drag a statement, or use its arrows, to change how much it matters. A statement higher up outweighs every one below it."),
      ...dms.map((dm) => this.preferenceForm(dm)),
    );
    if (focusKey) this.content.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  private dmForm(dm: OutlineDm, d: number): HTMLElement {
    const nameId = `f-dm-${d}`;
    const name = h("input", { id: nameId, value: dm.name, "data-key": nameId, autocomplete: "off" });
    const commit = (input: HTMLInputElement, apply: (v: string) => void, current: string) => {
      input.addEventListener("change", () => {
        if (input.value.trim() && input.value !== current) apply(input.value);
      });
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") input.blur();
      });
    };
    commit(name, (v) => this.edit(`Renamed ${dm.id} to “${v.trim()}”.`, (t) => setDmName(t, d, v)), dm.name);

    const rows = dm.options.map((o, k) => {
      const labelId = `f-opt-${d}-${k}`;
      const label = h("input", { id: labelId, value: o.label, "data-key": labelId, autocomplete: "off", "aria-label": `Label of option ${o.id}` });
      commit(label, (v) => this.edit(`Relabelled ${o.id}.`, (t) => setOptionLabel(t, d, k, v)), o.label);
      const irrId = `f-irr-${d}-${k}`;
      const irr = h(
        "select",
        {
          id: irrId,
          "data-key": irrId,
          "aria-label": `Can ${o.id} be undone?`,
          onchange: () => {
            const v = irr.value === "taking" ? true : irr.value === "withdrawal" ? "withdrawal" : false;
            this.edit(`${o.id}: ${irr.selectedOptions[0].textContent}.`, (t) => setIrreversible(t, d, k, v as Irreversible));
          },
        },
        h("option", { value: "no", title: "can be taken and withdrawn" }, "reversible"),
        h("option", { value: "taking", title: "once taken, it cannot be withdrawn" }, "cannot be undone"),
        h("option", { value: "withdrawal", title: "once withdrawn, it cannot be taken again" }, "cannot be retaken"),
      );
      irr.value = o.irreversible === true ? "taking" : o.irreversible === "withdrawal" ? "withdrawal" : "no";
      return h("tr", {}, h("th", { scope: "row" }, h("code", {}, o.id)), h("td", {}, label), h("td", {}, irr));
    });

    const newId = h("input", { id: `f-new-id-${d}`, "data-key": `f-new-id-${d}`, placeholder: `${dm.id}_…`, autocomplete: "off", class: "narrow-id" });
    const newLabel = h("input", { id: `f-new-label-${d}`, "data-key": `f-new-label-${d}`, placeholder: "What the party does", autocomplete: "off" });
    const add = () => {
      const id = newId.value.trim();
      const why = badOptionId(this.text, id) ?? (newLabel.value.trim() ? undefined : "give the option a label");
      if (why) {
        this.status.textContent = `Cannot add the option: ${why}.`;
        this.status.classList.add("error");
        return;
      }
      this.edit(`Added option ${id} to ${dm.name}; it is not taken today.`, (t) => addOption(t, d, id, newLabel.value));
    };
    return h(
      "fieldset",
      { class: "dm-form" },
      h("legend", {}, dm.name, " ", h("code", {}, dm.id)),
      h("div", { class: "row" }, h("label", { for: nameId }, "Name"), name),
      h(
        "table",
        { class: "options-form" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Option"), h("th", { scope: "col" }, "Label"), h("th", { scope: "col" }, "Once chosen"))),
        h("tbody", {}, ...rows),
      ),
      h(
        "details",
        { class: "add-option" },
        h("summary", {}, `Add an option to ${dm.name}`),
        h(
          "div",
          { class: "row" },
          h("label", { for: `f-new-id-${d}` }, "Id"),
          newId,
          h("label", { for: `f-new-label-${d}` }, "Label"),
          newLabel,
          h("button", { type: "button", onclick: add }, "Add"),
        ),
      ),
    );
  }

  private preferenceForm(dm: OutlineDm): HTMLElement {
    if (!dm.statements)
      return h("section", { class: "pref-form" }, h("h4", {}, dm.name), h("p", { class: "muted" }, "An explicit ranking: edit it in the YAML."));
    const n = dm.statements.length;
    const move = (from: number, to: number, text: string) =>
      this.edit(`${dm.name}: moved “${text}” to place ${to + 1}.`, (t) => moveStatement(t, dm.id, from, to));
    const list = h("ol", { class: "statements", "aria-label": `${dm.name}'s preference statements` });
    dm.statements.forEach((s, i) => {
      const key = `f-pref-${dm.id}-${i}`;
      const li = h(
        "li",
        { draggable: "true", "data-index": i, title: s.note ?? "" },
        h("span", { class: "grip", "aria-hidden": "true" }, "⠿"),
        h("span", { class: "statement" }, h("code", {}, s.text), s.probability !== undefined ? h("span", { class: "muted" }, ` (p = ${s.probability})`) : null, s.note ? h("span", { class: "note" }, s.note) : null),
        h("button", { type: "button", class: "icon", disabled: i === 0, "data-key": `${key}-up`, "aria-label": `Move “${s.text}” up`, onclick: () => move(i, i - 1, s.text) }, "↑"),
        h("button", { type: "button", class: "icon", disabled: i === n - 1, "data-key": `${key}-down`, "aria-label": `Move “${s.text}” down`, onclick: () => move(i, i + 1, s.text) }, "↓"),
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
}
