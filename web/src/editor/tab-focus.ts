/**
 * Tab in the YAML editor without a keyboard trap. Reached by the keyboard
 * (Tab, Shift+Tab, a shortcut), the editor lets Tab move the focus on, as
 * any other control does, until the user starts editing: types, deletes,
 * pastes or presses Enter (which starts editing without adding a line).
 * From then on Tab indents, until Escape gives Tab back to the page. A click
 * in the text starts editing at once. The mode is CodeMirror's tab-focus
 * mode (`EditorView.setTabFocusMode`), kept on until the user edits rather
 * than for CodeMirror's two seconds; `onMode` hears it, for the line that
 * says what Tab does (null: the text has not the focus).
 */
import { Prec, type Extension } from "@codemirror/state";
import { EditorView, ViewPlugin } from "@codemirror/view";

/** What Tab does in the editor: move the focus on, or indent. */
export type TabMode = "moves" | "indents";

/** Keys that are not typing: the focus mode stays on under them (arrows read the text, Ctrl+S saves). */
const NOT_TYPING = new Set(["Tab", "Escape", "Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "NumLock", "ScrollLock", "ContextMenu"]);

function isTyping(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || NOT_TYPING.has(e.key)) return false;
  return e.key.length === 1 || e.key === "Backspace" || e.key === "Delete" || e.key === "Enter";
}

/** The extension; the view it goes in must then be given `setTabFocusMode(true)` (its input state, which keeps the mode across files, comes after the plugins). */
export function tabFocus(onMode: (mode: TabMode | null) => void): Extension {
  // Kept outside the plugin: loading another file gives the view a new state and new plugins, not a new focus.
  let mode: TabMode = "moves";
  /** When the pointer was last pressed in the editor: a focus that follows at once came from it. */
  let pointerAt = Number.NEGATIVE_INFINITY;
  const set = (view: EditorView, next: TabMode) => {
    mode = next;
    view.setTabFocusMode(next === "moves");
    if (view.hasFocus) onMode(next);
  };

  const plugin = ViewPlugin.define((view) => {
    const pointerDown = () => {
      pointerAt = performance.now();
      if (view.hasFocus) set(view, "indents");
    };
    const focusIn = (e: FocusEvent) => {
      if (e.target !== view.contentDOM) return;
      // Back from the editor's own search panel: as it was. From a click in the text: editing. Otherwise: Tab moves on.
      const fromInside = e.relatedTarget instanceof Node && view.dom.contains(e.relatedTarget);
      // (A press on the scrollbar or a fold marker gives no focus: one that comes much later is the keyboard's.)
      const byPointer = performance.now() - pointerAt < 500;
      pointerAt = Number.NEGATIVE_INFINITY;
      set(view, byPointer ? "indents" : fromInside ? mode : "moves");
      onMode(mode);
    };
    const focusOut = (e: FocusEvent) => {
      if (e.target === view.contentDOM) onMode(null);
    };
    view.dom.addEventListener("pointerdown", pointerDown, true);
    view.dom.addEventListener("focusin", focusIn);
    view.dom.addEventListener("focusout", focusOut);
    return {
      destroy() {
        view.dom.removeEventListener("pointerdown", pointerDown, true);
        view.dom.removeEventListener("focusin", focusIn);
        view.dom.removeEventListener("focusout", focusOut);
      },
    };
  });

  const editing = (view: EditorView) => {
    if (mode === "moves") set(view, "indents");
    return false;
  };
  return [
    plugin,
    // Before the key bindings: the first key typed starts editing; Enter only starts it.
    Prec.highest(
      EditorView.domEventHandlers({
        keydown: (e, view) => {
          if (mode !== "moves" || e.defaultPrevented || !isTyping(e)) return false;
          set(view, "indents");
          return e.key === "Enter" && !e.shiftKey;
        },
        paste: (_e, view) => editing(view),
        drop: (_e, view) => editing(view),
        compositionstart: (_e, view) => editing(view),
      }),
    ),
    // After the key bindings: an Escape that closed something (the completions) is not one that leaves.
    Prec.lowest(
      EditorView.domEventHandlers({
        keydown: (e, view) => {
          if (e.key === "Escape" && mode === "indents") set(view, "moves");
          return false;
        },
      }),
    ),
  ];
}
