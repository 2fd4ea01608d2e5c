/**
 * The YAML editor (CodeMirror 6): syntax colouring, undo history, the
 * engine's issues underlined at their line and column, Ctrl-S to save, Tab
 * that indents only once the user edits (tab-focus.ts).
 * Forms change the text through `replaceText`, as one undoable edit.
 */
import { basicSetup } from "codemirror";
import { indentWithTab, redo, undo } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { issueRange } from "./diagnostics.js";
import { replaceTextSpec } from "./editor-changes.js";
import { tabFocus, type TabMode } from "./tab-focus.js";
import type { IssueView, LintView } from "../protocol/engine.js";

export type { TabMode };

export interface EditorHooks {
  onChange(text: string): void;
  onSave(): void;
  /** What Tab does now that the text has the focus (null: it has not), for a line that says so. */
  onTabMode?(mode: TabMode | null): void;
  /** The id of that line: the text's accessible description. */
  tabHintId?: string;
}

export class ScenarioEditor {
  readonly view: EditorView;
  private readonly extensions: Extension[];

  constructor(
    parent: HTMLElement,
    private readonly hooks: EditorHooks,
  ) {
    this.extensions = [
      keymap.of([
        {
          key: "Mod-s",
          preventDefault: true,
          run: () => {
            hooks.onSave();
            return true;
          },
        },
        // Tab indents only once the user edits: reached by the keyboard, Tab moves on (tab-focus.ts), so the editor is no keyboard trap.
        indentWithTab,
      ]),
      tabFocus((mode) => hooks.onTabMode?.(mode)),
      basicSetup,
      yaml(),
      lintGutter(),
      EditorView.lineWrapping,
      // tabindex 0: what an editable region has anyway, said outright so that checkers (axe) see the scroller holds something focusable.
      EditorView.contentAttributes.of({
        "aria-label": "Scenario file (YAML)",
        tabindex: "0",
        ...(hooks.tabHintId ? { "aria-describedby": hooks.tabHintId } : {}),
      }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) hooks.onChange(u.state.doc.toString());
      }),
    ];
    this.view = new EditorView({ parent, state: this.newState("") });
    this.view.setTabFocusMode(true);
  }

  private newState(text: string): EditorState {
    return EditorState.create({ doc: text, extensions: this.extensions });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Show another file: fresh undo history. */
  load(text: string): void {
    this.view.setState(this.newState(text));
    this.hooks.onChange(text);
  }

  /** Change the text to `next` by one undoable edit covering only what differs (one step of the undo history). */
  replaceText(next: string, userEvent = "input.form"): void {
    const spec = replaceTextSpec(this.view.state, next, userEvent);
    if (spec) this.view.dispatch(spec);
  }

  private issues: IssueView[] = [];
  private warnings: LintView[] = [];

  setIssues(issues: IssueView[]): void {
    this.issues = issues;
    this.showDiagnostics();
  }

  /** The model checks' findings (`parley lint`), as warnings at their elements. */
  setWarnings(findings: LintView[]): void {
    this.warnings = findings.filter((f) => f.located);
    this.showDiagnostics();
  }

  private showDiagnostics(): void {
    const lines = this.text.split("\n");
    const diagnostics: Diagnostic[] = [
      ...this.issues.map((i): Diagnostic => ({ ...issueRange(lines, i), severity: "error", source: "parley", message: i.message })),
      ...this.warnings.map(
        (w): Diagnostic => ({
          ...issueRange(lines, w),
          severity: "warning",
          source: `parley lint: ${w.code}`,
          message: `${w.message}\nWhy: ${w.why}\nFix: ${w.fix}`,
        }),
      ),
    ];
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Scroll the text at `pos` (a character offset) into the middle of the view, leaving the focus where it is. */
  reveal(pos: number): void {
    this.view.dispatch({ effects: EditorView.scrollIntoView(Math.min(pos, this.view.state.doc.length), { y: "center" }) });
  }

  /** Put the cursor at a 1-based line and column and show it. */
  goTo(line: number, column: number): void {
    const doc = this.view.state.doc;
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    const pos = Math.min(l.from + Math.max(column, 1) - 1, l.to);
    this.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    this.view.focus();
  }

  undo(): void {
    undo(this.view);
    this.view.focus();
  }

  redo(): void {
    redo(this.view);
    this.view.focus();
  }
}
