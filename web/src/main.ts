/**
 * The workbench page: wires the editor, the engine worker, the views and the
 * server's file API together. State lives here (the open file, its text on
 * disk, the last analysis); views only draw what they are given.
 */
import "./style.css";
import { Api, ApiError, type FileEntry, type Session } from "./api.js";
import { ask } from "./dialog.js";
import { baseName, byId, clear, download, h, plural } from "./dom.js";
import { Drafts } from "./drafts.js";
import { ScenarioEditor } from "./editor.js";
import { Cancelled, EngineClient, type Busy } from "./engine-client.js";
import type { Concept, IssueView, ModelView } from "./protocol.js";
import { Tabs } from "./tabs.js";
import { ComparePanel } from "./views/compare-view.js";
import { ExplainPanel } from "./views/explain-view.js";
import { FormsPanel } from "./views/forms.js";
import { GraphPanel } from "./views/graph-view.js";
import { PathsPanel } from "./views/paths-view.js";
import { ReportPanel } from "./views/report-view.js";
import { StateTable } from "./views/state-table.js";

const api = new Api();
const engine = new EngineClient(() => new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }));

/** The open file: its path, the text and version on disk, and the last analysis. */
const doc = {
  path: null as string | null,
  diskText: "",
  etag: null as string | null,
  model: null as ModelView | null,
  issues: [] as IssueView[],
  selected: null as number | null,
  analysing: 0,
  saving: false,
};
let session: Session;
let files: FileEntry[] = [];
let drafts: Drafts;

// ------------------------------------------------------------------ views

const editor = new ScenarioEditor(byId("editor"), { onChange: textChanged, onSave: () => void save() });
const forms = new FormsPanel(byId("panel-forms"), { edit: (change) => editor.replaceText(change(editor.text)) });
const table = new StateTable(byId("panel-states"), { select, exportCsv: () => void exportCsv() });
const graph = new GraphPanel(byId("panel-graph"), {
  request: (graph) => engine.request({ type: "graph", graph }),
  select,
});
const paths = new PathsPanel(byId("panel-paths"), { select });
const report = new ReportPanel(byId("panel-report"), { request: writeReport });
const compare = new ComparePanel(byId("panel-compare"), { compare: compareWith, select });
const explain = new ExplainPanel(byId("explain"), {
  select,
  centre: (id) => {
    viewTabs.select("graph");
    graph.centreOn(id);
  },
  close: closeExplanation,
});

const editTabs = new Tabs(byId("edit-tabs"), (name) => {
  if (name === "forms") {
    forms.setText(editor.text);
    forms.show();
  } else {
    forms.hide();
    editor.view.requestMeasure();
  }
});
const viewTabs = new Tabs(byId("view-tabs"), (name, previous) => {
  if (previous === "graph") graph.hide();
  if (previous === "report") report.hide();
  if (name === "graph") graph.show();
  if (name === "report") report.show();
});

byId("undo-btn").addEventListener("click", () => editor.undo());
byId("redo-btn").addEventListener("click", () => editor.redo());
byId("save-btn").addEventListener("click", () => void save());
byId("save-as-btn").addEventListener("click", () => void saveAs());
byId("cancel-btn").addEventListener("click", () => engine.cancel());
byId<HTMLSelectElement>("file-select").addEventListener("change", (e) => void open((e.target as HTMLSelectElement).value));
const help = byId<HTMLDialogElement>("help");
byId("help-btn").addEventListener("click", () => help.showModal());
byId("help-close").addEventListener("click", () => help.close());
byId("toggle-editor").addEventListener("click", toggleEditor);

function toggleEditor(): void {
  const pane = byId("edit-pane");
  pane.hidden = !pane.hidden;
  const button = byId("toggle-editor");
  button.setAttribute("aria-pressed", String(pane.hidden));
  button.textContent = pane.hidden ? "Show editor" : "Hide editor";
  if (!pane.hidden) editor.view.requestMeasure();
}

// ------------------------------------------------------------------ busy indicator

let busyTimer: number | undefined;
let busyShown: Busy | null = null;
engine.onBusy = (busy) => {
  busyShown = busy;
  window.clearInterval(busyTimer);
  const el = byId("busy");
  if (!busy) {
    el.hidden = true;
    return;
  }
  const update = () => {
    if (!busyShown) return;
    const s = (Date.now() - busyShown.since) / 1000;
    el.hidden = s < 0.3;
    byId("busy-text").textContent = `${capital(busyShown.phase)}… ${s.toFixed(1)} s`;
  };
  update();
  busyTimer = window.setInterval(update, 200);
};

// ------------------------------------------------------------------ text and analysis

let analyseTimer: number | undefined;
let draftTimer: number | undefined;

function textChanged(text: string): void {
  updateFileStatus();
  forms.setText(text);
  window.clearTimeout(analyseTimer);
  analyseTimer = window.setTimeout(() => void analyse(), 250);
  window.clearTimeout(draftTimer);
  draftTimer = window.setTimeout(saveDraft, 400);
}

function dirty(): boolean {
  return doc.path !== null && editor.text !== doc.diskText;
}

function saveDraft(): void {
  window.clearTimeout(draftTimer);
  if (!doc.path || !drafts) return;
  if (!dirty()) drafts.drop(doc.path);
  else if (!drafts.put(doc.path, { text: editor.text, baseEtag: doc.etag, savedAt: Date.now() }))
    setStatus("Unsaved changes — this browser could not back them up; save soon.", "warn");
}

async function analyse(): Promise<void> {
  window.clearTimeout(analyseTimer);
  const text = editor.text;
  const file = doc.path ?? "scenario.yaml";
  // An analysis of an older text that has run for a while is not worth finishing.
  if (engine.loadRunningLongerThan(700)) engine.cancel();
  const ticket = ++doc.analysing;
  let result;
  try {
    result = await engine.request({ type: "load", text, file });
  } catch (e) {
    if (ticket !== doc.analysing) return;
    if (e instanceof Cancelled) renderSummary("cancelled");
    else showProblems([{ line: 1, column: 1, message: `the engine failed: ${(e as Error).message}`, code: "internal", located: false }]);
    return;
  }
  if (ticket !== doc.analysing) return;
  if (!result.ok) {
    showProblems(result.issues);
    renderSummary();
    return;
  }
  showProblems([]);
  doc.model = result.model;
  renderSummary();
  table.setModel(result.model);
  graph.setModel(result.model);
  paths.setModel(result.model);
  report.setModel(result.model);
  compare.setFiles(
    files.map((f) => f.path),
    doc.path,
    result.model.whatIfs.map((w) => sibling(w.file)),
  );
  if (doc.selected !== null) {
    if (doc.selected > result.model.states.count) closeExplanation();
    else void select(doc.selected, false);
  }
}

function showProblems(issues: IssueView[]): void {
  doc.issues = issues;
  editor.setIssues(issues);
  const box = byId("problems");
  if (!issues.length) {
    clear(box);
    box.hidden = true;
    return;
  }
  box.hidden = false;
  clear(
    box,
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
            { type: "button", class: "link", onclick: () => (editTabs.select("yaml"), editor.goTo(i.line, i.column)) },
            i.located ? `Line ${i.line}, column ${i.column}` : "The scenario",
          ),
          `: ${i.message}`,
        ),
      ),
    ),
  );
}

function renderSummary(state?: "cancelled"): void {
  const m = doc.model;
  const box = byId("summary");
  const stale =
    state === "cancelled"
      ? h("p", { class: "stale" }, "The analysis was cancelled. ", h("button", { type: "button", class: "link", onclick: () => void analyse() }, "Run it again"))
      : doc.issues.length
        ? h("p", { class: "stale", role: "alert" }, `The scenario has ${plural(doc.issues.length, "problem")}; ${m ? "the views show the last version that loaded." : "fix it to see the analysis."}`)
        : null;
  if (!m) {
    clear(box, stale ?? h("p", { class: "muted" }, "Analysing…"));
    return;
  }
  const chips = m.concepts.map((c: Concept) =>
    h(
      "button",
      {
        type: "button",
        class: "eq-chip",
        title: `Show the ${c} equilibria in the table`,
        onclick: () => {
          viewTabs.select("states");
          table.filterEquilibria(c);
        },
      },
      h("span", { class: "concept" }, c),
      h("span", { class: "count", "data-testid": `eq-count-${c}` }, String(m.equilibria[c]?.length ?? 0)),
    ),
  );
  clear(
    box,
    h("h2", { class: "scenario-name" }, m.name, m.asOf ? h("span", { class: "muted" }, ` — as of ${m.asOf}`) : null),
    h(
      "p",
      { class: "facts" },
      `${plural(m.dms.length, "party", "parties")}, ${plural(m.options.length, "option")}, ${plural(m.states.count, "state")} (of ${m.candidateStates.toLocaleString("en")} combinations). Today: `,
      h("button", { type: "button", class: "link", onclick: () => void select(m.statusQuo) }, `state ${m.statusQuo}`),
      `. Analysed in ${m.ms} ms.`,
    ),
    h("div", { class: "eq-chips", "aria-label": "Number of equilibria under each concept", role: "group" }, h("span", { class: "label" }, "Equilibria"), ...chips),
    stale,
  );
}

// ------------------------------------------------------------------ selection and explanation

async function select(id: number, focusPanel = true): Promise<void> {
  doc.selected = id;
  table.setSelected(id);
  graph.setSelected(id);
  const panel = byId("explain");
  const wasHidden = panel.hidden;
  panel.hidden = false;
  explain.loading(id);
  try {
    const x = await engine.request({ type: "explain", state: id });
    if (doc.selected !== id) return;
    explain.show(x);
    if (focusPanel && wasHidden) panel.querySelector<HTMLElement>("button")?.focus({ preventScroll: true });
  } catch (e) {
    if (!(e instanceof Cancelled)) explain.failed((e as Error).message);
  }
}

function closeExplanation(): void {
  doc.selected = null;
  byId("explain").hidden = true;
  table.setSelected(null);
  graph.setSelected(null);
}

// ------------------------------------------------------------------ files

function sibling(file: string): string {
  const dir = doc.path?.includes("/") ? doc.path.slice(0, doc.path.lastIndexOf("/") + 1) : "";
  const parts: string[] = [];
  for (const p of (dir + file).split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

function renderFileList(): void {
  const sel = byId<HTMLSelectElement>("file-select");
  clear(sel, ...files.map((f) => h("option", { value: f.path }, f.path)));
  if (doc.path && !files.some((f) => f.path === doc.path)) sel.append(h("option", { value: doc.path }, doc.path));
  sel.value = doc.path ?? "";
}

async function refreshFiles(): Promise<void> {
  files = await api.files();
  renderFileList();
}

async function open(path: string): Promise<void> {
  if (doc.path) saveDraft();
  let file;
  try {
    file = await api.read(path);
  } catch (e) {
    setStatus(`Could not open ${path}: ${(e as Error).message}`, "error");
    renderFileList();
    return;
  }
  doc.path = file.path;
  doc.diskText = file.text;
  doc.etag = file.etag;
  doc.model = null;
  closeExplanation();
  history.replaceState(null, "", `#${encodeURIComponent(file.path)}`);
  renderFileList();
  editor.load(file.text);
  offerDraft(file.text, file.etag);
  updateFileStatus();
}

function offerDraft(diskText: string, etag: string): void {
  const banner = byId("draft-banner");
  banner.hidden = true;
  const path = doc.path!;
  const draft = drafts.get(path);
  if (!draft || draft.text === diskText) {
    if (draft) drafts.drop(path);
    return;
  }
  const when = new Date(draft.savedAt).toLocaleString();
  byId("draft-text").textContent =
    `You have unsaved edits to ${path} from ${when}, kept in this browser.` +
    (draft.baseEtag && draft.baseEtag !== etag ? " The file has changed on disk since then." : "");
  banner.hidden = false;
  byId("draft-restore").onclick = () => {
    banner.hidden = true;
    editor.replaceText(draft.text, "input.restore");
    setStatus("Your edits are restored; save to keep them in the file (Ctrl+Z goes back to the file on disk).", "warn");
  };
  byId("draft-discard").onclick = () => {
    banner.hidden = true;
    drafts.drop(path);
  };
  byId<HTMLButtonElement>("draft-restore").focus();
}

function setStatus(text: string, kind: "ok" | "warn" | "error" | "" = ""): void {
  const el = byId("file-status");
  el.textContent = text;
  el.className = `file-status ${kind}`;
}

function updateFileStatus(): void {
  if (doc.saving) return;
  if (!doc.path) setStatus("");
  else if (dirty()) setStatus("Unsaved changes (kept in this browser)", "warn");
  else setStatus("Saved", "ok");
  document.title = `${dirty() ? "• " : ""}${doc.path ? baseName(doc.path) + " — " : ""}Parley workbench`;
}

async function save(overwrite = false): Promise<void> {
  if (!doc.path) return saveAs();
  if (doc.saving) return;
  const text = editor.text;
  const path = doc.path;
  doc.saving = true;
  setStatus("Saving…");
  try {
    const r = await api.write(path, text, overwrite ? { overwrite: true } : doc.etag ? { baseEtag: doc.etag } : {});
    doc.saving = false;
    if (doc.path !== path) return;
    doc.diskText = text;
    doc.etag = r.etag;
    drafts.drop(path);
    updateFileStatus();
    setStatus(
      `Saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}${doc.issues.length ? ` (with ${plural(doc.issues.length, "problem")})` : ""}${dirty() ? "; newer edits unsaved" : ""}`,
      doc.issues.length || dirty() ? "warn" : "ok",
    );
    void refreshFiles();
  } catch (e) {
    doc.saving = false;
    if (e instanceof ApiError && (e.code === "changed-on-disk" || e.code === "deleted-on-disk" || e.code === "exists")) {
      const what = e.code === "deleted-on-disk" ? "was deleted on disk" : "changed on disk";
      const answer = await ask(
        `${path} ${what}`,
        `Someone or something ${what === "was deleted on disk" ? "deleted" : "changed"} ${path} since you opened it. Saving now replaces that version with yours.`,
        [
          { value: "overwrite", label: "Save mine anyway", primary: true },
          { value: "cancel", label: "Cancel" },
        ],
        "cancel",
      );
      if (answer === "overwrite") return save(true);
      setStatus("Not saved: the file on disk is different (your edits are kept in this browser)", "warn");
      return;
    }
    setStatus(`Not saved: ${(e as Error).message}`, "error");
  }
}

async function saveAs(): Promise<void> {
  const input = h("input", { id: "save-as-path", value: doc.path ? doc.path.replace(/(\.ya?ml|\.json)$/i, "-copy$1") : "my-scenario.yaml", autocomplete: "off" });
  const form = h("p", {}, h("label", { for: "save-as-path" }, "File name in the folder (.yaml, .yml or .json)"), h("br"), input);
  setTimeout(() => input.select(), 0);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") (input.closest("dialog")?.querySelector("button.primary") as HTMLButtonElement | null)?.click();
  });
  const answer = await ask("Save as", form, [{ value: "save", label: "Save", primary: true }, { value: "cancel", label: "Cancel" }], "cancel");
  const path = input.value.trim();
  if (answer !== "save" || !path) return;
  const text = editor.text;
  let r;
  try {
    r = await api.write(path, text);
  } catch (e) {
    if (e instanceof ApiError && e.code === "exists") {
      const again = await ask(`${path} exists`, `Replace ${path} with this scenario?`, [{ value: "yes", label: "Replace it", primary: true }, { value: "no", label: "Cancel" }], "no");
      if (again !== "yes") return;
      try {
        r = await api.write(path, text, { overwrite: true });
      } catch (e2) {
        setStatus(`Not saved: ${(e2 as Error).message}`, "error");
        return;
      }
    } else {
      setStatus(`Not saved: ${(e as Error).message}`, "error");
      return;
    }
  }
  if (doc.path) drafts.drop(doc.path);
  doc.path = r.path;
  doc.diskText = text;
  doc.etag = r.etag;
  history.replaceState(null, "", `#${encodeURIComponent(r.path)}`);
  await refreshFiles();
  updateFileStatus();
  setStatus(`Saved as ${r.path}`, "ok");
}

// ------------------------------------------------------------------ report, comparison, export

async function writeReport(model: ModelView) {
  const related = await Promise.all(
    model.whatIfs.map((w) =>
      api.read(sibling(w.file)).then(
        (f) => ({ file: w.file, text: f.text }),
        () => null,
      ),
    ),
  );
  return engine.request({ type: "report", related: related.filter((r): r is { file: string; text: string } => r !== null) });
}

async function compareWith(path: string) {
  const file = await api.read(path);
  return engine.request({ type: "compare", text: file.text, file: path });
}

async function exportCsv(): Promise<void> {
  try {
    const csv = await engine.request({ type: "csv" });
    download(`${baseName(doc.path ?? "scenario")}-states.csv`, csv, "text/csv;charset=utf-8");
  } catch (e) {
    if (!(e instanceof Cancelled)) setStatus(`Could not export: ${(e as Error).message}`, "error");
  }
}

// ------------------------------------------------------------------ keyboard

window.addEventListener(
  "keydown",
  (e) => {
    const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      void save();
    } else if (e.altKey && !e.ctrlKey && /^[1-5]$/.test(e.key)) {
      e.preventDefault();
      viewTabs.select(["states", "graph", "paths", "report", "compare"][Number(e.key) - 1]);
      byId("view-tabs").querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    } else if (e.altKey && !e.ctrlKey && e.key.toLowerCase() === "e") {
      e.preventDefault();
      if (byId("edit-pane").hidden) toggleEditor();
      editTabs.select("yaml");
      editor.view.focus();
    } else if (e.altKey && !e.ctrlKey && e.key.toLowerCase() === "f") {
      e.preventDefault();
      if (byId("edit-pane").hidden) toggleEditor();
      editTabs.select("forms");
      byId("panel-forms").querySelector<HTMLElement>("input, select, button")?.focus();
    } else if (e.altKey && !e.ctrlKey && e.key === "\\") {
      e.preventDefault();
      toggleEditor();
    } else if (e.key === "Escape" && !document.querySelector("dialog[open]")) {
      if (busyShown && !byId("busy").hidden) engine.cancel();
      else if (!byId("explain").hidden && !editor.view.hasFocus) closeExplanation();
    } else if (e.key === "?" && !typing && !editor.view.hasFocus) {
      help.showModal();
    }
  },
  true,
);

window.addEventListener("hashchange", () => {
  const path = decodeURIComponent(location.hash.slice(1));
  if (path && path !== doc.path && files.some((f) => f.path === path)) void open(path);
});

window.addEventListener("beforeunload", () => {
  if (dirty()) saveDraft();
});

// ------------------------------------------------------------------ start

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

async function start(): Promise<void> {
  renderSummary();
  try {
    session = await api.session();
  } catch (e) {
    clear(byId("summary"), h("p", { class: "error" }, `Cannot reach the workbench server: ${(e as Error).message}`));
    return;
  }
  drafts = new Drafts(session.dir);
  await refreshFiles();
  const fromHash = decodeURIComponent(location.hash.slice(1));
  const first = files.some((f) => f.path === fromHash) ? fromHash : (session.defaultFile ?? files[0]?.path);
  if (first) await open(first);
  else {
    clear(byId("summary"), h("p", {}, `The folder ${session.dir} has no scenario files (.yaml, .yml, .json). Write one in the editor and use Save as.`));
    editor.load("format: parley/1\nname: My conflict\ndecisionMakers: []\n");
  }
}

void start();
