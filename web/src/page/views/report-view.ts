/**
 * The report, as `parley report --format html` writes it (a self-contained
 * page, already escaped, no scripts), in a sandboxed frame; downloads as
 * HTML or Markdown. Written on demand: when the view is open and the
 * scenario changed.
 */
import { baseName, clear, download, h } from "../widgets/dom.js";
import type { ModelView, ReportView } from "../../protocol/engine.js";

export class ReportPanel {
  private model: ModelView | null = null;
  private report: ReportView | null = null;
  private reportOf: ModelView | null = null;
  private visible = false;
  private readonly frameWrap: HTMLElement;
  private readonly note: HTMLElement;
  private readonly htmlButton: HTMLButtonElement;
  private readonly mdButton: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly hooks: { request(model: ModelView): Promise<ReportView> },
  ) {
    this.htmlButton = h("button", { type: "button", disabled: true, onclick: () => this.save("html") }, "Download HTML");
    this.mdButton = h("button", { type: "button", disabled: true, onclick: () => this.save("md") }, "Download Markdown");
    this.note = h("span", { class: "muted", role: "status" });
    this.frameWrap = h("div", { class: "report-wrap" });
    root.append(h("div", { class: "toolbar" }, this.note, h("span", { class: "spacer" }), this.htmlButton, this.mdButton), this.frameWrap);
  }

  setModel(model: ModelView): void {
    this.model = model;
    if (this.visible) void this.refresh();
  }

  show(): void {
    this.visible = true;
    void this.refresh();
  }

  hide(): void {
    this.visible = false;
  }

  private async refresh(): Promise<void> {
    const m = this.model;
    if (!m || this.reportOf === m) return;
    this.reportOf = m;
    this.note.textContent = "Writing the report…";
    let r: ReportView;
    try {
      r = await this.hooks.request(m);
    } catch (e) {
      this.reportOf = null;
      this.note.textContent = (e as Error).name === "Cancelled" ? "The report was cancelled." : `Could not write the report: ${(e as Error).message}`;
      return;
    }
    if (this.model !== m) return;
    this.report = r;
    this.htmlButton.disabled = false;
    this.mdButton.disabled = false;
    this.note.textContent = r.skipped.length
      ? `What-ifs left out (not found or not valid): ${r.skipped.join(", ")}.`
      : m.whatIfs.length
        ? `With ${m.whatIfs.length} what-if${m.whatIfs.length > 1 ? "s" : ""} from the folder.`
        : "";
    const frame = h("iframe", { title: "The report", sandbox: "", class: "report-frame" });
    frame.srcdoc = r.html;
    clear(this.frameWrap, frame);
  }

  private save(kind: "html" | "md"): void {
    if (!this.report || !this.model) return;
    const name = baseName(this.model.file);
    if (kind === "html") download(`${name}-report.html`, this.report.html, "text/html;charset=utf-8");
    else download(`${name}-report.md`, this.report.markdown, "text/markdown;charset=utf-8");
  }
}
