/** The list of problems under the editor: each with its place (a button that goes there) and message. */
import { byId, clear, h, plural } from "../widgets/dom.js";
import type { IssueView } from "../../protocol/engine.js";

export class ProblemsList {
  private readonly box = byId("problems");

  constructor(private readonly goTo: (line: number, column: number) => void) {}

  show(issues: IssueView[]): void {
    if (!issues.length) {
      clear(this.box);
      this.box.hidden = true;
      return;
    }
    this.box.hidden = false;
    clear(
      this.box,
      h("h2", {}, `${plural(issues.length, "problem")} in the scenario`),
      h(
        "ul",
        {},
        ...issues.map((i) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "link", onclick: () => this.goTo(i.line, i.column) },
              i.located ? `Line ${i.line}, column ${i.column}` : "The scenario",
            ),
            `: ${i.message}`,
          ),
        ),
      ),
    );
  }
}
