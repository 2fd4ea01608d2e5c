/**
 * Unsaved edits kept in the browser's localStorage, per folder and file, so a
 * reload or a crash loses nothing: the workbench offers them back when the
 * file is opened again. A draft is dropped when the file is saved or the
 * edits are undone back to what is on disk.
 */
export interface Draft {
  text: string;
  /** The version on disk the edits started from. */
  baseEtag: string | null;
  savedAt: number;
}

export class Drafts {
  constructor(private readonly folder: string) {}

  private key(path: string): string {
    return `parley.draft:${this.folder}:${path}`;
  }

  get(path: string): Draft | null {
    try {
      const raw = localStorage.getItem(this.key(path));
      if (!raw) return null;
      const d = JSON.parse(raw) as Draft;
      return typeof d.text === "string" ? d : null;
    } catch {
      return null;
    }
  }

  put(path: string, draft: Draft): boolean {
    try {
      localStorage.setItem(this.key(path), JSON.stringify(draft));
      return true;
    } catch {
      return false; // storage full or disabled: the status line says edits are not backed up
    }
  }

  drop(path: string): void {
    try {
      localStorage.removeItem(this.key(path));
    } catch {
      /* nothing to drop */
    }
  }
}
