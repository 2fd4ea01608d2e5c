/** The forecast log: the records the CLI and the workbench write are the records `score` reads. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FORECAST_RECORD_FORMAT, forecast, forecastLogText, forecastRecords, loadModel, readForecastLog } from "../../src/index.js";

describe("forecast log", () => {
  it("writes one line per question, and reads back what it wrote", () => {
    const model = loadModel(readFileSync("scenarios/ukraine-2025.yaml", "utf8"));
    const f = forecast(model, { today: "2025-03-01", samples: 200, seed: 1 });
    const records = forecastRecords(f, { name: model.scenario.name, hash: "sha256:0" }, "2025-03-02");
    expect(records).toHaveLength(f.questions.length);
    expect(records[0]).toMatchObject({ format: FORECAST_RECORD_FORMAT, made: "2025-03-02", scenario: { name: model.scenario.name, hash: "sha256:0" } });
    const text = forecastLogText(records);
    expect(text.split("\n").filter(Boolean)).toHaveLength(records.length);
    const scored = records.filter((r) => r.probability !== null);
    expect(readForecastLog(text, "log").map((r) => r.question.id)).toEqual(scored.map((r) => r.question.id));
  });
});
