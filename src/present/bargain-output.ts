/** `parley bargain` as tables (text, Markdown, CSV) or JSON. */
import type { BargainingRun, IssueResult } from "../bargaining/scenario.js";
import { MODEL_TITLES, type BargainingModel } from "../bargaining/types.js";
import { renderCsv, renderMarkdown, renderText, type Table } from "./table.js";
import { arr, bargainModel, bool, ids, int, map, num, obj, oneOfValues, root, str } from "./schema-kit.js";

export const BARGAIN_FORMAT = "parley-bargain/1";

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** The JSON of `parley bargain` (parley-bargain/1); the workbench's Bargaining view reads it too. */
export type BargainJson = ReturnType<typeof bargainJson>;

export function bargainJson(run: BargainingRun) {
  return {
    format: BARGAIN_FORMAT,
    models: run.models,
    ...(run.samples ? { samples: run.samples, seed: run.seed } : {}),
    issues: run.issues.map((r) => ({
      id: r.issue.id,
      title: r.issue.title,
      scale: { min: r.issue.min, max: r.issue.max, minLabel: r.issue.minLabel, maxLabel: r.issue.maxLabel, ...(r.issue.unit ? { unit: r.issue.unit } : {}) },
      ...(r.issue.statusQuo ? { statusQuo: r.issue.statusQuo.value } : {}),
      actors: r.actors.map((a, k) => {
        const p = r.issue.positions[k];
        return { id: a.id, name: a.name, position: p.position.value, salience: p.salience.value, capability: p.capability.value };
      }),
      forecasts: Object.fromEntries(
        run.models.map((m) => {
          const res = r.forecast[m]!;
          return [
            m,
            {
              forecast: res.forecast,
              ...(res.rounds
                ? {
                    rounds: res.rounds.map((rd) => ({
                      round: rd.round,
                      forecast: rd.forecast,
                      positions: Object.fromEntries(r.actors.map((a, k) => [a.id, rd.positions[k]])),
                      ...(rd.risk ? { risk: Object.fromEntries(r.actors.map((a, k) => [a.id, rd.risk![k]])) } : {}),
                      ...(rd.events
                        ? {
                            moves: rd.events.map((e) => ({
                              actor: r.actors[e.actor].id,
                              towards: r.actors[e.towards].id,
                              kind: e.kind,
                              from: e.from,
                              to: e.to,
                            })),
                          }
                        : {}),
                    })),
                  }
                : {}),
              ...(r.distribution?.[m] ? { distribution: r.distribution[m] } : {}),
            },
          ];
        }),
      ),
      links: r.links.map((l) => ({
        option: l.optionId,
        label: l.label,
        ...(l.atLeast !== undefined ? { atLeast: l.atLeast } : {}),
        ...(l.atMost !== undefined ? { atMost: l.atMost } : {}),
        onTable: l.onTable,
      })),
    })),
  };
}

/** The forecast of every model, one row per issue and model. */
export function forecastTable(run: BargainingRun): Table {
  const rows: string[][] = [];
  for (const r of run.issues)
    for (const m of run.models) {
      const d = r.distribution?.[m];
      rows.push([r.issue.id, MODEL_TITLES[m], fmt(r.forecast[m]!.forecast), d ? fmt(d.q05) : "", d ? fmt(d.q50) : "", d ? fmt(d.q95) : ""]);
    }
  const header = ["issue", "model", "forecast", "5%", "median", "95%"];
  return run.samples
    ? { header, rows, right: [false, false, true, true, true, true] }
    : { header: header.slice(0, 3), rows: rows.map((x) => x.slice(0, 3)), right: [false, false, true] };
}

/** Per-round positions and forecast of one dynamic model on one issue. */
export function roundsTable(r: IssueResult, m: BargainingModel): Table | undefined {
  const res = r.forecast[m];
  if (!res?.rounds) return undefined;
  return {
    header: ["round", ...r.actors.map((a) => a.id), "forecast"],
    rows: res.rounds.map((rd) => [String(rd.round), ...rd.positions.map(fmt), fmt(rd.forecast)]),
    right: [true, ...r.actors.map(() => true), true],
  };
}

export function renderBargain(run: BargainingRun, format: "table" | "md" | "csv", scenarioName: string): string {
  if (format === "csv") {
    // One flat table: forecasts, then trajectories, distinguishable by the `round` column.
    const rows: string[][] = [];
    for (const r of run.issues)
      for (const m of run.models) {
        const res = r.forecast[m]!;
        if (!res.rounds) rows.push([r.issue.id, m, "", String(res.forecast), ""]);
        else
          for (const rd of res.rounds)
            rows.push([r.issue.id, m, String(rd.round), String(rd.forecast), rd.positions.map((p, k) => `${r.actors[k].id}=${p}`).join(" ")]);
      }
    return renderCsv({ header: ["issue", "model", "round", "forecast", "positions"], rows });
  }
  const md = format === "md";
  const render = (t: Table) => (md ? renderMarkdown(t) : renderText(t));
  const out: string[] = [];
  out.push(md ? `# Bargaining forecasts: ${scenarioName}` : `Bargaining forecasts: ${scenarioName}`, "");
  if (run.issues.length === 0) {
    out.push("The scenario has no `bargaining` section: nothing to forecast (see docs/bargaining.md).");
    return out.join("\n") + "\n";
  }
  out.push(render(forecastTable(run)));
  if (run.samples)
    out.push("", `5%, median and 95%: quantiles of the forecast over ${run.samples.toLocaleString("en-US")} draws from the input ranges (seed ${run.seed}).`);
  for (const r of run.issues) {
    out.push("", md ? `## ${r.issue.title} (${r.issue.id})` : `${r.issue.title} (${r.issue.id})`);
    out.push(
      `Scale: ${r.issue.min} = ${r.issue.minLabel}; ${r.issue.max} = ${r.issue.maxLabel}.${r.issue.statusQuo ? ` Today: ${r.issue.statusQuo.value}.` : ""}`,
      "",
    );
    out.push(
      render({
        header: ["actor", "position", "salience", "capability"],
        rows: r.actors.map((a, k) => {
          const p = r.issue.positions[k];
          const span = (v: { value: number; min?: number; max?: number }) =>
            v.min !== undefined || v.max !== undefined ? `${v.value} (${v.min ?? v.value}–${v.max ?? v.value})` : String(v.value);
          return [a.name, span(p.position), span(p.salience), span(p.capability)];
        }),
        right: [false, true, true, true],
      }),
    );
    for (const m of run.models) {
      const t = roundsTable(r, m);
      if (!t) continue;
      out.push("", md ? `### ${MODEL_TITLES[m]}: round by round` : `${MODEL_TITLES[m]}, round by round:`, render(t));
    }
    if (r.links.length) {
      out.push("", md ? "### Link to the graph model" : "Link to the graph model:");
      for (const l of r.links) {
        const range = [l.atLeast !== undefined ? `at least ${l.atLeast}` : "", l.atMost !== undefined ? `at most ${l.atMost}` : ""]
          .filter(Boolean)
          .join(" and ");
        const on = run.models.filter((m) => l.onTable[m]).map((m) => SHORT[m]);
        const off = run.models.filter((m) => !l.onTable[m]).map((m) => SHORT[m]);
        out.push(
          `${md ? "- " : "  • "}"${l.label}" (${l.optionId}) is on the table when the forecast is ${range}: ${on.length ? `on under ${on.join(", ")}` : ""}${on.length && off.length ? "; " : ""}${off.length ? `off under ${off.join(", ")}` : ""}.`,
        );
      }
    }
  }
  return out.join("\n") + "\n";
}

export const SHORT: Record<BargainingModel, string> = {
  mean: "mean",
  median: "median",
  nash: "Nash",
  "expected-utility": "expected utility",
  smp: "SMP",
};

const distribution = obj({ samples: int, mean: num, q05: num, q25: num, q50: num, q75: num, q95: num, min: num, max: num });
export const bargainSchema = root(
  "parley-bargain/1",
  "parley bargain --format json",
  {
    models: arr(bargainModel),
    samples: int,
    seed: int,
    issues: arr(
      obj(
        {
          id: str,
          title: str,
          scale: obj({ min: num, max: num, minLabel: str, maxLabel: str, unit: str }, ["unit"]),
          statusQuo: num,
          actors: arr(obj({ id: str, name: str, position: num, salience: num, capability: num })),
          forecasts: map(
            obj(
              {
                forecast: num,
                rounds: arr(
                  obj(
                    {
                      round: int,
                      forecast: num,
                      positions: map(num),
                      risk: map(num),
                      moves: arr(
                        obj({
                          actor: str,
                          towards: str,
                          kind: oneOfValues("conflict", "compromise", "capitulation", "best-response"),
                          from: num,
                          to: num,
                        }),
                      ),
                    },
                    ["risk", "moves"],
                  ),
                ),
                distribution,
              },
              ["rounds", "distribution"],
            ),
            bargainModel,
          ),
          links: arr(obj({ option: str, label: str, atLeast: num, atMost: num, onTable: map(bool, bargainModel) }, ["atLeast", "atMost"])),
        },
        ["statusQuo"],
      ),
    ),
    graphLink: obj({
      model: bargainModel,
      modelName: str,
      offTable: arr(str),
      onTable: arr(str),
      concept: { const: "SEQ" },
      equilibria: int,
      consistent: ids,
    }),
  },
  ["samples", "seed", "graphLink"],
);
