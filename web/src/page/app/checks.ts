/**
 * The model checks (`parley lint`) beside the editor: after each version
 * loads, its findings go to the editor as warnings at their elements and to
 * a short list under it, each with why it matters and how to fix it. A
 * warning never stops the analysis; the list folds away.
 */
import { Cancelled, type EngineClient } from "../clients/engine-client.js";
import { byId, clear, h, plural } from "../widgets/dom.js";
import type { LintView, ModelView } from "../../protocol/engine.js";

export class ChecksList {
  private readonly box = byId("checks");
  private open = false;

  constructor(
    private readonly engine: EngineClient,
    private readonly hooks: { warnings(findings: LintView[]): void; goTo(line: number, column: number): void },
  ) {}

  /** Check the version that just loaded (a newer one may have loaded meanwhile: only the newest is shown). */
  async check(model: ModelView): Promise<void> {
    let r;
    try {
      r = await this.engine.request({ type: "lint" });
    } catch (e) {
      if (!(e instanceof Cancelled)) this.show([], `Could not check the model: ${(e as Error).message}`);
      return;
    }
    if (r.version !== model.version) return;
    this.hooks.warnings(r.findings);
    this.show(r.findings);
  }

  private show(findings: LintView[], error?: string): void {
    if (!findings.length && !error) {
      clear(this.box);
      this.box.hidden = true;
      return;
    }
    this.box.hidden = false;
    const details = h(
      "details",
      { open: this.open },
      h("summary", {}, error ?? `${plural(findings.length, "warning")} from the model checks (parley lint)`),
      h(
        "ul",
        {},
        findings.map((f) =>
          h(
            "li",
            { "data-code": f.code },
            f.located ? h("button", { type: "button", class: "link", onclick: () => this.hooks.goTo(f.line, f.column) }, `Line ${f.line}`) : "The scenario",
            ` (${f.code}): ${f.message} `,
            h("span", { class: "muted" }, `Why: ${f.why} Fix: ${f.fix}`),
          ),
        ),
      ),
    );
    details.addEventListener("toggle", () => (this.open = details.open));
    clear(this.box, details);
  }
}
