/**
 * The open scenario: which file (or a new one not saved yet), its text and
 * version on disk, the last analysis that loaded, its problems and the state
 * the user clicked. The page's modules share this one object.
 */
import type { IssueView, ModelView } from "../../protocol/engine.js";

export class DocState {
  /** The file in the folder, or null for a scenario not saved yet. */
  path: string | null = null;
  /** For a scenario not saved yet (an import): the file name Save as suggests. */
  untitled: string | null = null;
  diskText = "";
  etag: string | null = null;
  model: ModelView | null = null;
  issues: IssueView[] = [];
  selected: number | null = null;
  saving = false;

  /** Whether `text` (the editor's) has edits the folder does not have. */
  dirty(text: string): boolean {
    return this.untitled !== null || (this.path !== null && text !== this.diskText);
  }

  /** The file in the folder a relative path (a what-if) of the open file names. */
  sibling(file: string): string {
    const dir = this.path?.includes("/") ? this.path.slice(0, this.path.lastIndexOf("/") + 1) : "";
    const parts: string[] = [];
    for (const p of (dir + file).split("/")) {
      if (p === "..") parts.pop();
      else if (p !== "." && p !== "") parts.push(p);
    }
    return parts.join("/");
  }
}
