/** The page's keyboard shortcuts (the ? dialog lists them). */

export interface Shortcuts {
  save(): void;
  /** Alt+1 … Alt+9: the views, in tab order. */
  view(index: number): void;
  yaml(): void;
  forms(): void;
  toggleEditor(): void;
  /** Escape outside a dialog: cancel long work, or close the explanation. Returns nothing. */
  escape(): void;
  help(): void;
  /** Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) where the page, not the field, should undo: true when done. */
  undo(target: EventTarget | null, redo: boolean): boolean;
  /** Whether the YAML editor has the focus (its own keys win there). */
  editorFocused(): boolean;
  views: number;
}

export function installShortcuts(s: Shortcuts): void {
  window.addEventListener(
    "keydown",
    (e) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      const alt = e.altKey && !e.ctrlKey && !e.metaKey;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        s.save();
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && /^[zy]$/i.test(e.key)) {
        if (s.undo(e.target, e.key.toLowerCase() === "y" || e.shiftKey)) e.preventDefault();
      } else if (alt && /^[1-9]$/.test(e.key) && Number(e.key) <= s.views) {
        e.preventDefault();
        s.view(Number(e.key) - 1);
      } else if (alt && e.key.toLowerCase() === "e") {
        e.preventDefault();
        s.yaml();
      } else if (alt && e.key.toLowerCase() === "f") {
        e.preventDefault();
        s.forms();
      } else if (alt && e.key === "\\") {
        e.preventDefault();
        s.toggleEditor();
      } else if (e.key === "Escape" && !document.querySelector("dialog[open]")) {
        s.escape();
      } else if (e.key === "?" && !typing && !s.editorFocused()) {
        s.help();
      }
    },
    true,
  );
}
