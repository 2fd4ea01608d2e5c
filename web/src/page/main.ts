/**
 * The workbench page: makes the parts and connects them. The open scenario
 * lives in DocState (app/doc.ts); files, analysis, selection, import and the
 * keyboard each have a module in app/; views (views/) only draw what they
 * are given and report what the user asks for through their hooks.
 */
import "./style.css";
import { Analyser } from "./app/analysis.js";
import { BusyIndicator } from "./app/busy.js";
import { DocState } from "./app/doc.js";
import { DiskFiles } from "./app/disk.js";
import { FileController } from "./app/files.js";
import { GmcrImport } from "./app/import.js";
import { installShortcuts } from "./app/keyboard.js";
import { EditorPane, showTabMode } from "./app/layout.js";
import { ProblemsList } from "./app/problems.js";
import { goOffline } from "./app/offline.js";
import { Selection } from "./app/selection.js";
import { ShareLinks } from "./app/share.js";
import { StatusLine } from "./app/status.js";
import { Summary } from "./app/summary.js";
import { baseName, byId, download, h } from "./widgets/dom.js";
import { ScenarioEditor } from "../editor/editor.js";
import { Cancelled, EngineClient } from "./clients/engine-client.js";
import type { ModelView } from "../protocol/engine.js";
import { Tabs } from "./widgets/tabs.js";
import { BargainPanel } from "./views/bargain-view.js";
import { BottomLinePanel } from "./views/bottom-line-view.js";
import { ChecksList } from "./app/checks.js";
import { ForecastPanel } from "./views/forecast-view.js";
import { IngestPanel } from "./views/ingest-view.js";
import { IngestClient } from "./clients/ingest-client.js";
import { readHtml } from "./app/html-reader.js";
import { ComparePanel } from "./views/compare-view.js";
import { DeeperPanel } from "./views/deeper-view.js";
import { ExplainPanel } from "./views/explain-view.js";
import { FormsPanel } from "./views/forms.js";
import { GraphPanel } from "./views/graph-view.js";
import { LayoutClient } from "./clients/layout-client.js";
import { PathsPanel } from "./views/paths-view.js";
import { ReportPanel } from "./views/report-view.js";
import { StateTable } from "./views/state-table.js";
import { ServedStore } from "./storage/served-store.js";
import type { ScenarioStore } from "./storage/store.js";

const VIEWS = ["states", "graph", "paths", "report", "compare", "deeper", "forecast", "bargain", "ingest"];

/** Where the scenario files are: the served folder (`parley serve`), or this browser's storage on the static site (`npm run build:static`). */
// The static site's back-end is loaded only there: it carries the shipped scenarios, which the served folder has on disk.
const store: ScenarioStore = __PARLEY_STATIC__ ? new (await import("./storage/browser-store.js")).BrowserStore() : new ServedStore();
const engine = new EngineClient(() => new Worker(new URL("../workers/engine-worker.ts", import.meta.url), { type: "module" }));
const doc = new DocState();
const status = new StatusLine();
const busy = new BusyIndicator(engine);

// ------------------------------------------------------------------ the editor and the forms

const editor = new ScenarioEditor(byId("editor"), {
  onChange: (text) => {
    files.textChanged();
    forms.setText(text);
    ingest.scenarioChanged();
    analyser.schedule();
  },
  onSave: () => void files.save(),
  onTabMode: showTabMode,
  tabHintId: "editor-keys",
});
const forms = new FormsPanel(byId("panel-forms"), { edit: (change) => editor.replaceText(change(editor.text)) });
const editTabs = new Tabs(byId("edit-tabs"), (name) => {
  if (name === "forms") {
    forms.setText(editor.text);
    forms.show();
  } else {
    forms.hide();
    editor.view.requestMeasure();
  }
});
const problems = new ProblemsList((line, column) => {
  editTabs.select("yaml");
  editor.goTo(line, column);
});
byId("undo-btn").addEventListener("click", () => editor.undo());
byId("redo-btn").addEventListener("click", () => editor.redo());

// ------------------------------------------------------------------ the views

const select = (id: number, focus = true) => void selection.select(id, focus);
const table = new StateTable(byId("panel-states"), { select, exportCsv: () => void exportCsv() });
const graph = new GraphPanel(
  byId("panel-graph"),
  { request: (g) => engine.request({ type: "graph", graph: g }), select },
  new LayoutClient(() => new Worker(new URL("../workers/layout-worker.ts", import.meta.url), { type: "module" })),
);
const paths = new PathsPanel(byId("panel-paths"), { select });
const report = new ReportPanel(byId("panel-report"), { request: writeReport });
// The bottom line is worked out in the background: no busy indicator for it.
const bottomLine = new BottomLinePanel(byId("bottom-line"), {
  run: async (m, onProgress) => engine.run({ type: "headline", related: await whatIfTexts(m) }, { quiet: true, onProgress }),
});
const compare = new ComparePanel(byId("panel-compare"), {
  compare: async (path) => {
    const file = await store.read(path);
    return engine.request({ type: "compare", text: file.text, file: path });
  },
  select,
});
const deeper = new DeeperPanel(byId("panel-deeper"), {
  run: (request, onProgress) => engine.run(request, { onProgress }),
  select,
  selected: () => doc.selected,
  read: async (path) => (await store.read(path)).text,
});
let connected = false;
const forecastPanel = new ForecastPanel(byId("panel-forecast"), {
  run: (request, onProgress) => engine.run(request, { onProgress }),
  record: (path, lines) => store.appendForecast!(path, lines),
  logPath: () => doc.sibling("forecasts.jsonl"),
  canAppend: () => connected && store.appendForecast !== undefined,
});
const checks = new ChecksList(engine, {
  warnings: (findings) => editor.setWarnings(findings),
  goTo: (line, column) => {
    editTabs.select("yaml");
    editor.goTo(line, column);
  },
});
const bargain = new BargainPanel(byId("panel-bargain"), { request: (r) => engine.request(r) });
// The article reader has a worker of its own, started on first use (its language model is large).
const ingestClient = new IngestClient(() => new Worker(new URL("../workers/ingest-worker.ts", import.meta.url), { type: "module" }));
const ingest = new IngestPanel(byId("panel-ingest"), {
  ingest: (req) => ingestClient.ingest(req),
  readHtml,
  scenario: () => ({ text: editor.text, file: doc.path ?? doc.untitled ?? "the scenario" }),
  edit: (next) => {
    const before = editor.text;
    editor.replaceText(next, "input.ingest");
    // Show where the element went: the end of the change (a statement comes after the options it needed).
    let tail = 0;
    while (tail < before.length && tail < next.length && before[before.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
    editor.reveal(Math.max(0, next.length - tail - 1));
  },
  openNew: (name, yaml, note) => files.openNew(name, yaml, note),
  gazetteerFiles: async () => (await store.files()).map((f) => f.path),
  readFile: async (path) => (await store.read(path)).text,
  checkGazetteer: (g) => ingestClient.checkGazetteer(g),
});
const viewTabs = new Tabs(byId("view-tabs"), (name, previous) => {
  const part = (n: string) =>
    n === "graph"
      ? graph
      : n === "report"
        ? report
        : n === "deeper"
          ? deeper
          : n === "forecast"
            ? forecastPanel
            : n === "bargain"
              ? bargain
              : n === "ingest"
                ? ingest
                : null;
  part(previous)?.hide();
  part(name)?.show();
});
const explain = new ExplainPanel(byId("explain"), {
  select,
  centre: (id) => {
    viewTabs.select("graph");
    graph.centreOn(id);
  },
  close: () => selection.close(),
  coalitions: (id) => {
    deeper.showCoalitions(id);
    viewTabs.select("deeper");
  },
  inverse: (id) => {
    viewTabs.select("deeper");
    deeper.searchInverse(id);
  },
});
const selection = new Selection(engine, doc, [table, graph, deeper], explain);
const summary = new Summary(doc, {
  select,
  showEquilibria: (concept) => {
    viewTabs.select("states");
    table.filterEquilibria(concept);
  },
  analyseAgain: () => void analyser.run(),
});

// ------------------------------------------------------------------ files, analysis, import

const files = new FileController(store, doc, editor, status, {
  opened: () => selection.close(),
  renamed: () => void analyser.run(),
  linkOpened: () => {
    if (!share.inAddress()) return false;
    void share.openFromAddress(files);
    return true;
  },
});
const gmcrImport = new GmcrImport(engine, files, status);
const disk = new DiskFiles(
  doc,
  () => editor.text,
  files,
  status,
  (file) => gmcrImport.import(file),
);
const share = new ShareLinks(doc, () => editor.text, status, disk);
const analyser = new Analyser(engine, doc, () => editor.text, {
  problems: (issues) => {
    editor.setIssues(issues);
    problems.show(issues);
  },
  summary: (state) => summary.render(state),
  loaded: (m: ModelView) => {
    // The bottom line first: its room is taken before the table puts today's row in view.
    bottomLine.setModel(m);
    table.setModel(m);
    graph.setModel(m);
    paths.setModel(m);
    report.setModel(m);
    deeper.setModel(m);
    forecastPanel.setModel(m);
    bargain.setModel(m);
    void checks.check(m);
    compare.setFiles(
      files.files.map((f) => f.path),
      doc.path,
      m.whatIfs.map((w) => doc.sibling(w.file)),
    );
    deeper.setFiles(
      files.files.map((f) => f.path),
      doc.path,
    );
    selection.refresh(m.states.count);
  },
});

/** The texts of the scenario's what-if files in the folder (those that cannot be read are left out: the worker says so). */
async function whatIfTexts(model: ModelView): Promise<{ file: string; text: string }[]> {
  const related = await Promise.all(
    model.whatIfs.map((w) =>
      store.read(doc.sibling(w.file)).then(
        (f) => ({ file: w.file, text: f.text }),
        () => null,
      ),
    ),
  );
  return related.filter((r): r is { file: string; text: string } => r !== null);
}

async function writeReport(model: ModelView) {
  return engine.request({ type: "report", related: await whatIfTexts(model) });
}

async function exportCsv(): Promise<void> {
  try {
    const csv = await engine.request({ type: "csv" });
    download(`${baseName(doc.path ?? doc.untitled ?? "scenario")}-states.csv`, csv, "text/csv;charset=utf-8");
  } catch (e) {
    if (!(e instanceof Cancelled)) status.set(`Could not export: ${(e as Error).message}`, "error");
  }
}

// ------------------------------------------------------------------ layout and keyboard

const help = byId<HTMLDialogElement>("help");
byId("help-btn").addEventListener("click", () => help.showModal());
byId("help-close").addEventListener("click", () => help.close());
const editPane = new EditorPane(editor, editTabs);

installShortcuts({
  views: VIEWS.length,
  save: () => void files.save(),
  view: (i) => {
    viewTabs.select(VIEWS[i]);
    byId("view-tabs").querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  },
  yaml: () => {
    editPane.show("yaml");
    editor.view.focus();
  },
  forms: () => {
    editPane.show("forms");
    byId("panel-forms").querySelector<HTMLElement>("input, select, button")?.focus();
  },
  toggleEditor: () => editPane.toggle(),
  escape: () => {
    if (busy.shown) engine.cancel();
    else if (selection.open && !editor.view.hasFocus) selection.close();
  },
  help: () => help.showModal(),
  // In the forms, Ctrl+Z undoes the last form edit (the YAML's history), except in a field with typing not yet applied: the field undoes that.
  undo: (target, redo) => {
    const forms = byId("panel-forms");
    // A form edit, once applied, redraws the form and focus falls to the page's body: Ctrl+Z there undoes it too while the forms are shown.
    const afterRedraw = target === document.body && forms.offsetParent !== null;
    if (!afterRedraw && (!(target instanceof Node) || !forms.contains(target))) return false;
    if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value !== target.defaultValue) return false;
    if (redo) editor.redo();
    else editor.undo();
    return true;
  },
  editorFocused: () => editor.view.hasFocus,
});

// ------------------------------------------------------------------ start

async function start(): Promise<void> {
  summary.render();
  if (__PARLEY_STATIC__) {
    void goOffline();
    byId("save-btn").title = "Save in this browser (Ctrl+S)";
  }
  try {
    await store.connect();
    connected = true;
  } catch (e) {
    summary.message(h("p", { class: "error" }, `Cannot reach the workbench server: ${(e as Error).message}`));
    return;
  }
  // A shared link in the address opens as a new draft; otherwise the file it names, or the default scenario.
  await files.start(share.inAddress() ? () => share.openFromAddress(files) : undefined);
  if (store.unavailable) status.set(`Scenarios cannot be saved in ${store.words.place}: ${store.unavailable}`, "error");
  files.watchFolder();
}

void start();
