/** The status line of the top bar (saved, unsaved, errors) and the page title. */
import { byId } from "../widgets/dom.js";

export type StatusKind = "ok" | "warn" | "error" | "";

export class StatusLine {
  private readonly el = byId("file-status");

  set(text: string, kind: StatusKind = ""): void {
    this.el.textContent = text;
    // The top bar cuts a long status with an ellipsis; the whole of it is in the tooltip.
    this.el.title = text;
    this.el.className = `file-status ${kind}`;
  }
}
