/**
 * What the worker keeps between requests: the last scenario that loaded, with
 * its analysis, so clicking a state or drawing the graph does not analyse
 * again. Requests after a failed load use the last good version (the views
 * keep showing it, marked out of date).
 */
import { analyze, buildReport, loadModel, renderCsv, renderReportHtml, renderReportMarkdown, stateTable, type Analysis, type Model } from "./engine.js";
import { graphView } from "./graph.js";
import { compareView, explainView, issuesOf, modelView } from "./views.js";
import type { Request, ResultOf } from "../protocol.js";

export type Progress = (phase: string) => void;

export class EngineSession {
  private current?: { text: string; file: string; model: Model; analysis: Analysis };

  handle<R extends Request>(request: R, progress: Progress): ResultOf[R["type"]] {
    return this.dispatch(request, progress) as ResultOf[R["type"]];
  }

  private dispatch(request: Request, progress: Progress): ResultOf[Request["type"]] {
    switch (request.type) {
      case "load":
        return this.load(request.text, request.file, progress);
      case "graph":
        progress("laying out the states");
        return graphView(this.need().analysis, request.graph);
      case "explain":
        progress(`explaining state ${request.state}`);
        return explainView(this.need().analysis, request.state);
      case "report": {
        const cur = this.need();
        const skipped: string[] = [];
        const whatIfs: Parameters<typeof buildReport>[1] = [];
        for (const w of cur.model.scenario.whatIfs ?? []) {
          const found = request.related.find((r) => r.file === w.file);
          if (!found) {
            skipped.push(w.file);
            continue;
          }
          try {
            whatIfs.push({ title: w.title ?? w.file, file: w.file, ...(w.note ? { note: w.note } : {}), model: loadModel(found.text, w.file) });
          } catch {
            skipped.push(w.file);
          }
        }
        progress(`writing the report${whatIfs.length ? ` (with ${whatIfs.length} what-if${whatIfs.length > 1 ? "s" : ""})` : ""}`);
        const data = buildReport(cur.model, whatIfs);
        return { html: renderReportHtml(data), markdown: renderReportMarkdown(data), skipped };
      }
      case "compare": {
        const cur = this.need();
        progress(`reading ${request.file}`);
        let other: Model;
        try {
          other = loadModel(request.text, request.file);
        } catch (e) {
          return { issues: issuesOf(e) };
        }
        progress(`comparing ${cur.file} with ${request.file}`);
        return compareView(cur.model, cur.file, other, request.file);
      }
      case "csv": {
        const cur = this.need();
        return renderCsv(stateTable(cur.model, cur.analysis, "csv"));
      }
    }
  }

  private load(text: string, file: string, progress: Progress): ResultOf["load"] {
    const t0 = Date.now();
    progress("reading the scenario");
    let model: Model;
    try {
      model = loadModel(text, file);
    } catch (e) {
      return { ok: false, issues: issuesOf(e) };
    }
    progress(`analysing ${model.states.length.toLocaleString("en")} states`);
    const analysis = analyze(model);
    progress("describing the results");
    this.current = { text, file, model, analysis };
    return { ok: true, model: modelView(file, analysis, Date.now() - t0) };
  }

  private need(): NonNullable<EngineSession["current"]> {
    if (!this.current) throw new Error("no scenario has been analysed yet");
    return this.current;
  }
}
