/**
 * Forms for the common edits: rename a party or an option, say how a state
 * with the option reads (its phrases), whether it can be undone, add an
 * option or a party, add a constraint (what cannot happen), reorder a party's
 * preference statements (buttons, or drag and drop: forms-preferences.ts).
 * Every form edits the YAML text (see editor/yaml-edits.ts), so the editor,
 * its undo history and the forms never disagree: the forms are redrawn from
 * the text after each change.
 */
import { clear, h } from "../widgets/dom.js";
import {
  addConstraint,
  addDecisionMaker,
  addOption,
  badConstraint,
  badDmId,
  badOptionId,
  setDmName,
  setIrreversible,
  setOptionLabel,
  setOptionPhrases,
  type NewConstraint,
} from "../../editor/yaml-edits.js";
import { constraintsOf, type Irreversible, outline, type OutlineConstraint, type OutlineDm } from "../../editor/yaml-outline.js";
import { EditError } from "../../editor/yaml-text.js";
import { preferenceForm } from "./forms-preferences.js";

type ConstraintKind = NewConstraint["kind"];

const KINDS: { kind: ConstraintKind; label: string; hint: string }[] = [
  { kind: "condition", label: "A combination that cannot happen", hint: "a condition over option ids: states where it holds are ruled out" },
  { kind: "mutuallyExclusive", label: "At most one of these options", hint: "mutually exclusive" },
  { kind: "atLeastOneOf", label: "At least one of these options", hint: "one of them is always taken" },
];

export class FormsPanel {
  private text = "";
  private rendered = "";
  private visible = false;
  /** Disclosures the user opened (kept open across redraws). */
  private readonly open = new Set<string>();
  /** What the user has typed into the add-a-constraint and add-a-party forms so far. */
  private constraint = { kind: "condition" as ConstraintKind, condition: "", options: new Set<string>(), note: "" };
  private party = { id: "", name: "", optionId: "", optionLabel: "" };
  private readonly status: HTMLElement;
  private readonly content: HTMLElement;
  /** A form's edit is going into the editor (its text comes back through setText). */
  private applying = false;

  constructor(
    root: HTMLElement,
    private readonly hooks: { edit(change: (text: string) => string): void },
  ) {
    this.status = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
    this.content = h("div", { class: "forms" });
    root.append(
      h("p", { class: "muted forms-intro" }, "These forms change the YAML text; each change is one step of undo (Ctrl+Z)."),
      this.status,
      this.content,
    );
  }

  setText(text: string): void {
    // Changed by something else than a form (typing, an undo): what the status line said of the last form edit no longer holds.
    if (!this.applying && text !== this.text) this.say("");
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

  /** Apply an edit; true when it went through. */
  private edit(what: string, change: (text: string) => string): boolean {
    try {
      this.applying = true;
      this.hooks.edit(change);
      this.say(what);
      return true;
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      this.say(e.message, true);
      return false;
    } finally {
      this.applying = false;
    }
  }

  private say(message: string, error = false): void {
    this.status.textContent = message;
    this.status.classList.toggle("error", error);
  }

  private render(): void {
    if (this.rendered === this.text) return;
    let dms: OutlineDm[];
    let constraints: OutlineConstraint[];
    try {
      dms = outline(this.text);
      constraints = constraintsOf(this.text);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      clear(this.content, h("p", { class: "error" }, "The YAML has a syntax error; fix it in the editor to use the forms (see Problems below)."));
      this.rendered = "";
      return;
    }
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    const scroll = this.content.parentElement?.scrollTop ?? 0;
    this.rendered = this.text;
    clear(
      this.content,
      h("h3", {}, "Parties and their options"),
      ...dms.map((dm, d) => this.dmForm(dm, d)),
      this.partyForm(),
      h("h3", {}, "What cannot happen"),
      this.constraintList(constraints),
      this.constraintForm(dms),
      h("h3", {}, "Preferences, most important first"),
      h("p", { class: "muted" }, "Drag a statement, or use its arrows, to change how much it matters. A statement higher up outweighs every one below it."),
      ...dms.map((dm) => preferenceForm(dm, (what, change) => this.edit(what, change))),
    );
    if (this.content.parentElement) this.content.parentElement.scrollTop = scroll;
    if (focusKey) this.content.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }

  /** A <details> whose open state survives redraws. */
  private disclosure(key: string, summary: string, ...body: (Node | null)[]): HTMLDetailsElement {
    const d = h("details", { class: "add-form", open: this.open.has(key) }, h("summary", { "data-key": `${key}-summary` }, summary), ...body);
    d.addEventListener("toggle", () => (d.open ? this.open.add(key) : this.open.delete(key)));
    return d;
  }

  private commitOnChange(input: HTMLInputElement, current: string, apply: (v: string) => void): void {
    input.addEventListener("change", () => {
      if (input.value.trim() && input.value !== current) apply(input.value);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") input.blur();
    });
  }

  private dmForm(dm: OutlineDm, d: number): HTMLElement {
    const nameId = `f-dm-${d}`;
    const name = h("input", { id: nameId, value: dm.name, title: dm.name, "data-key": nameId, autocomplete: "off" });
    this.commitOnChange(name, dm.name, (v) => this.edit(`Renamed ${dm.id} to “${v.trim()}”.`, (t) => setDmName(t, d, v)));

    const rows = dm.options.flatMap((o, k) => {
      const labelId = `f-opt-${d}-${k}`;
      // The whole label on hover: a long one is cut in the narrow field.
      const label = h("input", {
        id: labelId,
        value: o.label,
        title: o.label,
        "data-key": labelId,
        autocomplete: "off",
        "aria-label": `Label of option ${o.id}`,
      });
      this.commitOnChange(label, o.label, (v) => this.edit(`Relabelled ${o.id}.`, (t) => setOptionLabel(t, d, k, v)));
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

      // The phrases, in a row of their own that the option's id opens.
      const key = `f-ph-${o.id}`;
      const rowId = `${key}-row`;
      const expanded = this.open.has(key);
      const toggle = h(
        "button",
        {
          type: "button",
          class: "opt-toggle",
          "data-key": `${key}-toggle`,
          "aria-expanded": String(expanded),
          "aria-controls": rowId,
          title: `How a state where ${o.id} is taken, or not, reads`,
          onclick: () => {
            const on = !this.open.has(key);
            if (on) this.open.add(key);
            else this.open.delete(key);
            toggle.setAttribute("aria-expanded", String(on));
            row.hidden = !on;
            if (on) taken.focus();
          },
        },
        h("span", { class: "caret", "aria-hidden": "true" }, "▸"),
        h("code", {}, o.id),
      );
      const taken = h("input", { id: `${key}-taken`, "data-key": `${key}-taken`, value: o.whenTaken, placeholder: o.label, autocomplete: "off" });
      const notTaken = h("input", { id: `${key}-not`, "data-key": `${key}-not`, value: o.whenNotTaken, placeholder: "(nothing is said)", autocomplete: "off" });
      const apply = () => {
        if (taken.value.trim() === o.whenTaken && notTaken.value.trim() === o.whenNotTaken) return;
        this.edit(`${o.id}: phrases set.`, (t) => setOptionPhrases(t, d, k, { whenTaken: taken.value, whenNotTaken: notTaken.value }));
      };
      for (const input of [taken, notTaken])
        input.addEventListener("keydown", (e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        });
      const row = h(
        "tr",
        { id: rowId, class: "phrases-row", hidden: !expanded },
        h(
          "td",
          { colspan: 3 },
          h("div", { class: "row" }, h("label", { for: `${key}-taken` }, "When taken, a state reads"), taken),
          h("div", { class: "row" }, h("label", { for: `${key}-not` }, "When not taken"), notTaken),
          h(
            "div",
            { class: "row" },
            h("span", { class: "muted hint" }, "Descriptions of states join these phrases. Empty: the label when taken, nothing when not."),
            h("button", { type: "button", "data-key": `${key}-apply`, onclick: apply }, "Apply"),
          ),
        ),
      );
      return [h("tr", {}, h("th", { scope: "row" }, toggle), h("td", {}, label), h("td", {}, irr)), row];
    });

    const newId = h("input", { id: `f-new-id-${d}`, "data-key": `f-new-id-${d}`, placeholder: `${dm.id}_…`, autocomplete: "off", class: "narrow-id" });
    const newLabel = h("input", { id: `f-new-label-${d}`, "data-key": `f-new-label-${d}`, placeholder: "What the party does", autocomplete: "off" });
    // A refused id is also marked on its field, with the reason beside it (the status line may be far above).
    newId.addEventListener("input", () => {
      newId.setCustomValidity("");
      newId.removeAttribute("aria-invalid");
    });
    const add = () => {
      const id = newId.value.trim();
      const badId = badOptionId(this.text, id);
      const why = badId ?? (newLabel.value.trim() ? undefined : "give the option a label");
      if (why) {
        const field = badId ? newId : newLabel;
        field.setCustomValidity(`Cannot add the option: ${why}.`);
        field.setAttribute("aria-invalid", "true");
        field.focus();
        field.reportValidity();
        return this.say(`Cannot add the option: ${why}.`, true);
      }
      this.edit(`Added option ${id} to ${dm.name}; it is not taken today.`, (t) => addOption(t, d, id, newLabel.value));
    };
    newLabel.addEventListener("keydown", (e) => e.key === "Enter" && add());
    newLabel.addEventListener("input", () => {
      newLabel.setCustomValidity("");
      newLabel.removeAttribute("aria-invalid");
    });
    return h(
      "fieldset",
      { class: "dm-form" },
      h("legend", {}, dm.name, " ", h("code", {}, dm.id)),
      h("div", { class: "row" }, h("label", { for: nameId }, "Name"), name),
      h(
        "table",
        { class: "options-form" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col", title: "Click an option to edit the phrases that describe states with it" }, "Option"),
            h("th", { scope: "col" }, "Label"),
            h("th", { scope: "col" }, "Once chosen"),
          ),
        ),
        h("tbody", {}, ...rows),
      ),
      this.disclosure(
        `f-add-opt-${dm.id}`,
        `Add an option to ${dm.name}`,
        h(
          "div",
          { class: "row" },
          h("label", { for: `f-new-id-${d}` }, "Id"),
          newId,
          h("label", { for: `f-new-label-${d}` }, "Label"),
          newLabel,
          h("button", { type: "button", "data-key": `f-new-add-${d}`, onclick: add }, "Add"),
        ),
      ),
    );
  }

  private partyForm(): HTMLElement {
    const p = this.party;
    const field = (key: keyof typeof p, label: string, placeholder: string, cls?: string) => {
      const input = h("input", { id: `f-party-${key}`, "data-key": `f-party-${key}`, value: p[key], placeholder, autocomplete: "off", class: cls });
      input.addEventListener("input", () => (p[key] = input.value));
      input.addEventListener("keydown", (e) => e.key === "Enter" && add());
      return [h("label", { for: `f-party-${key}` }, label), input];
    };
    const add = () => {
      const d = { id: p.id.trim(), name: p.name.trim(), optionId: p.optionId.trim(), optionLabel: p.optionLabel.trim() };
      const why =
        badDmId(this.text, d.id) ??
        (d.name ? undefined : "give the party a name") ??
        badOptionId(this.text, d.optionId) ??
        (d.optionLabel ? undefined : "give its first option a label");
      if (why) return this.say(`Cannot add the party: ${why}.`, true);
      if (
        this.edit(`Added ${d.name} with the option ${d.optionId} (not taken today) and a placeholder preference: write what it wants in the YAML.`, (t) =>
          addDecisionMaker(t, d),
        )
      )
        this.party = { id: "", name: "", optionId: "", optionLabel: "" };
    };
    return this.disclosure(
      "f-add-party",
      "Add a party",
      h("p", { class: "muted hint" }, "A party needs at least one option. Until you write its preferences it simply wants to take that option."),
      h("div", { class: "row" }, ...field("id", "Id", "e.g. cn", "narrow-id"), ...field("name", "Name", "e.g. China")),
      h(
        "div",
        { class: "row" },
        ...field("optionId", "First option: id", "e.g. cn_mediates", "narrow-id"),
        ...field("optionLabel", "label", "What the party does"),
      ),
      h("div", { class: "row end" }, h("button", { type: "button", "data-key": "f-party-add", onclick: add }, "Add the party")),
    );
  }

  private constraintList(list: OutlineConstraint[]): HTMLElement {
    if (!list.length) return h("p", { class: "muted" }, "Nothing is ruled out: every combination of options is a possible state.");
    return h(
      "ul",
      { class: "constraints", "aria-label": "What cannot happen" },
      ...list.map((c) => h("li", {}, h("code", {}, c.text), c.note ? h("span", { class: "note" }, c.note) : null)),
    );
  }

  private constraintForm(dms: OutlineDm[]): HTMLElement {
    const c = this.constraint;
    const kinds = h(
      "fieldset",
      { class: "kinds" },
      h("legend", {}, "Kind"),
      ...KINDS.map((k) => {
        const radio = h("input", {
          type: "radio",
          name: "f-c-kind",
          id: `f-c-kind-${k.kind}`,
          "data-key": `f-c-kind-${k.kind}`,
          value: k.kind,
          checked: c.kind === k.kind,
        });
        radio.addEventListener("change", () => {
          c.kind = k.kind;
          this.rendered = "";
          this.render();
        });
        return h("label", { class: "check", for: `f-c-kind-${k.kind}`, title: k.hint }, radio, k.label);
      }),
    );
    let body: HTMLElement;
    if (c.kind === "condition") {
      const cond = h("input", {
        id: "f-c-condition",
        "data-key": "f-c-condition",
        value: c.condition,
        placeholder: "e.g. us_walk_away & eu_force",
        autocomplete: "off",
        spellcheck: "false",
      });
      cond.addEventListener("input", () => (c.condition = cond.value));
      cond.addEventListener("keydown", (e) => e.key === "Enter" && add());
      body = h("div", { class: "row" }, h("label", { for: "f-c-condition" }, "Condition"), cond);
    } else {
      body = h(
        "fieldset",
        { class: "option-picks" },
        h("legend", {}, "Options"),
        ...dms.map((dm) =>
          h(
            "div",
            { class: "picks" },
            h("span", { class: "muted" }, `${dm.name}:`),
            ...dm.options.map((o) => {
              const box = h("input", { type: "checkbox", id: `f-c-opt-${o.id}`, "data-key": `f-c-opt-${o.id}`, checked: c.options.has(o.id) });
              box.addEventListener("change", () => (box.checked ? c.options.add(o.id) : c.options.delete(o.id)));
              return h("label", { class: "check", for: `f-c-opt-${o.id}`, title: o.label }, box, h("code", {}, o.id));
            }),
          ),
        ),
      );
    }
    const note = h("input", { id: "f-c-note", "data-key": "f-c-note", value: c.note, placeholder: "why (optional)", autocomplete: "off" });
    note.addEventListener("input", () => (c.note = note.value));
    const add = () => {
      const all = dms.flatMap((d) => d.options.map((o) => o.id));
      const spec: NewConstraint =
        c.kind === "condition"
          ? { kind: "condition", condition: c.condition, note: c.note }
          : { kind: c.kind, options: all.filter((id) => c.options.has(id)), note: c.note };
      const why = badConstraint(this.text, spec);
      if (why) return this.say(`Cannot add the constraint: ${why}.`, true);
      const what =
        spec.kind === "condition"
          ? `“${spec.condition.trim()}” is ruled out`
          : `${KINDS.find((k) => k.kind === spec.kind)!.label.toLowerCase()}: ${spec.options.join(", ")}`;
      if (this.edit(`Added a constraint: ${what}.`, (t) => addConstraint(t, spec)))
        this.constraint = { kind: c.kind, condition: "", options: new Set(), note: "" };
    };
    return this.disclosure(
      "f-add-constraint",
      "Add a constraint",
      kinds,
      body,
      h("div", { class: "row" }, h("label", { for: "f-c-note" }, "Note"), note),
      h("div", { class: "row end" }, h("button", { type: "button", "data-key": "f-c-add", onclick: add }, "Add the constraint")),
    );
  }
}
