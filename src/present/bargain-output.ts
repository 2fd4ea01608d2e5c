/** `parley bargain` (`parley-bargain/1`): its JSON, CSV, document and schema. */
import type { BargainingRun, IssueResult } from "../bargaining/scenario.js";
import { MODEL_TITLES, type BargainingModel } from "../bargaining/types.js";
import type { GraphLink } from "../bargaining/link.js";
import type { Model } from "../model/compile.js";
import { describeState } from "../model/describe.js";
import { stateId, stateIds } from "../model/states.js";
import { code, type Block, type Document, type Inline, t, user } from "./document.js";
import type { OutputKind } from "./kind.js";
import { renderCsv, type Table } from "./table.js";
import { arr, bargainModel, bool, ids, int, map, num, obj, oneOfValues, root, str } from "./schema-kit.js";
import { count } from "../format/count.js";

const BARGAIN_FORMAT = "parley-bargain/1";

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** The JSON of `parley bargain` (parley-bargain/1); the workbench's Bargaining view reads it too. */
export type BargainJson = ReturnType<typeof bargainJson>;

function bargainJson(run: BargainingRun) {
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
function forecastTable(run: BargainingRun): Table {
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
function roundsTable(r: IssueResult, m: BargainingModel): Table | undefined {
  const res = r.forecast[m];
  if (!res?.rounds) return undefined;
  return {
    header: ["round", ...r.actors.map((a) => a.id), "forecast"],
    rows: res.rounds.map((rd) => [String(rd.round), ...rd.positions.map(fmt), fmt(rd.forecast)]),
    right: [true, ...r.actors.map(() => true), true],
  };
}

/** What `parley bargain` computed; `link` when the scenario links issues to graph-model options. */
export interface BargainResult {
  model: Model;
  run: BargainingRun;
  link?: GraphLink;
}

/** The run as one flat CSV table: forecasts, then trajectories, told apart by the `round` column. */
function bargainCsv(run: BargainingRun): string {
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

const span = (v: { value: number; min?: number; max?: number }) =>
  v.min !== undefined || v.max !== undefined ? `${v.value} (${v.min ?? v.value}–${v.max ?? v.value})` : String(v.value);

function bargainDocument({ model, run, link }: BargainResult): Document {
  const name = model.scenario.name;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: t`Bargaining forecasts: ${user(name)}` }];
  const doc = { title: `Bargaining forecasts: ${name}`, blocks };
  if (run.issues.length === 0) {
    blocks.push({ kind: "paragraph", text: t`The scenario has no ${code("bargaining")} section: nothing to forecast (see docs/bargaining.md).` });
    return doc;
  }
  blocks.push({ kind: "table", table: forecastTable(run) });
  if (run.samples)
    blocks.push({
      kind: "paragraph",
      text: `5%, median and 95%: quantiles of the forecast over ${count(run.samples)} draws from the input ranges (seed ${run.seed}).`,
    });
  // Lists here are indented two columns in text, flush in Markdown.
  const item = (text: Inline): Block => ({ kind: "item", level: 1, indent: 2, mdIndent: 0, joined: true, text });
  for (const r of run.issues) {
    const i = r.issue;
    blocks.push({ kind: "heading", level: 2, text: t`${user(i.title)} (${i.id})` });
    blocks.push({
      kind: "paragraph",
      joined: true,
      text: t`Scale: ${i.min} = ${user(i.minLabel)}; ${i.max} = ${user(i.maxLabel)}.${i.statusQuo ? ` Today: ${i.statusQuo.value}.` : ""}`,
    });
    blocks.push({
      kind: "table",
      table: {
        header: ["actor", "position", "salience", "capability"],
        rows: r.actors.map((a, k) => {
          const p = i.positions[k];
          return [a.name, span(p.position), span(p.salience), span(p.capability)];
        }),
        right: [false, true, true, true],
      },
    });
    for (const m of run.models) {
      const table = roundsTable(r, m);
      if (!table) continue;
      blocks.push({ kind: "heading", level: 3, text: `${MODEL_TITLES[m]}: round by round`, asText: `${MODEL_TITLES[m]}, round by round:` });
      blocks.push({ kind: "table", table, joined: true });
    }
    if (r.links.length) {
      blocks.push({ kind: "heading", level: 3, text: "Link to the graph model", asText: "Link to the graph model:" });
      for (const l of r.links) {
        const range = [l.atLeast !== undefined ? `at least ${l.atLeast}` : "", l.atMost !== undefined ? `at most ${l.atMost}` : ""]
          .filter(Boolean)
          .join(" and ");
        const on = run.models.filter((m) => l.onTable[m]).map((m) => SHORT[m]);
        const off = run.models.filter((m) => !l.onTable[m]).map((m) => SHORT[m]);
        blocks.push(
          item(
            t`"${user(l.label)}" (${l.optionId}) is on the table when the forecast is ${range}: ${on.length ? `on under ${on.join(", ")}` : ""}${on.length && off.length ? "; " : ""}${off.length ? `off under ${off.join(", ")}` : ""}.`,
          ),
        );
      }
    }
  }
  if (link) {
    const label = (o: number) => t`"${user(model.scenario.options[o].label)}"`;
    const off = link.offTable.flatMap((o, k) => (k ? [", ", ...label(o)] : label(o)));
    blocks.push({
      kind: "heading",
      level: 2,
      text: "What the forecast leaves of the graph model",
      asText: "What the forecast leaves of the graph model:",
    });
    blocks.push({
      kind: "paragraph",
      joined: true,
      text: t`Under the ${MODEL_TITLES[link.model]} forecasts, ${link.offTable.length ? t`off the table: ${off}` : "every linked option stays on the table"}. ${link.consistent.length} of the ${link.equilibria.length} SEQ equilibria take no option off the table${link.consistent.length ? ", for example" : "."}`,
    });
    for (const s of link.consistent.slice(0, 3)) blocks.push(item(t`state ${stateId(s)}: ${user(describeState(model, s))}`));
  }
  return doc;
}

/** The `graphLink` of the JSON: the link in ids. */
function linkJson(model: Model, link: GraphLink) {
  return {
    model: link.model,
    modelName: SHORT[link.model],
    offTable: link.offTable.map((o) => model.scenario.options[o].id),
    onTable: link.onTable.map((o) => model.scenario.options[o].id),
    concept: "SEQ",
    equilibria: link.equilibria.length,
    consistent: stateIds(link.consistent),
  };
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

export const bargainOutput: OutputKind<BargainResult> = {
  format: BARGAIN_FORMAT,
  schema: bargainSchema,
  toJson: ({ model, run, link }) => ({ ...bargainJson(run), ...(link ? { graphLink: linkJson(model, link) } : {}) }),
  toDocument: bargainDocument,
  toCsv: ({ run }) => bargainCsv(run),
};
