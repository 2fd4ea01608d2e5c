/**
 * The workbench's "Record the forecast": the lines of a forecast log
 * (`parley-forecast-record/1`, as `parley forecast --record` writes them),
 * checked and appended to a `.jsonl` file of the served folder. A forecast is
 * recorded only on the day it is made (a record dated otherwise is refused as
 * backdated), and only when it forecasts something: a forecast whose every
 * question's date has passed (retrodictions, never scored) is refused.
 */
import { recordProblem } from "../interchange/forecast-log.js";
import { appendToWorkspace, WorkspaceError, type Workspace } from "./workspace.js";

export const LOG_EXTENSIONS = [".jsonl"];
/** At most this many lines in one append: a forecast has one per question. */
export const MAX_RECORDS = 1000;

/**
 * Check the lines of one forecast and append them to `path`; `today`: the
 * server's date (UTC). Returns what was recorded, for the page to say.
 */
export async function appendForecast(
  ws: Workspace,
  path: string,
  lines: string,
  today: string,
): Promise<{ path: string; records: number; retrodictions: number; bytes: number }> {
  const refuse = (code: "bad-record" | "backdated" | "retrodiction-only", message: string) => new WorkspaceError(422, code, message);
  const rows = lines.split("\n").filter((l) => l.trim() !== "");
  if (!rows.length) throw refuse("bad-record", "no records to append");
  if (rows.length > MAX_RECORDS) throw refuse("bad-record", `at most ${MAX_RECORDS} records at once`);
  const records = rows.map((row, k) => {
    let x: unknown;
    try {
      x = JSON.parse(row);
    } catch {
      throw refuse("bad-record", `line ${k + 1} is not JSON`);
    }
    const problem = recordProblem(x);
    if (problem) throw refuse("bad-record", `line ${k + 1}: ${problem}`);
    return x as { made: string; retrodiction: boolean };
  });
  const other = records.find((r) => r.made !== today);
  if (other) throw refuse("backdated", `a forecast is recorded on the day it is made (${today}), not dated ${other.made}`);
  const retrodictions = records.filter((r) => r.retrodiction).length;
  if (retrodictions === records.length)
    throw refuse("retrodiction-only", "every question's date has passed: these are retrodictions, which are never scored, so there is nothing to record");
  // Normalised to one record per line, each ending in a line break.
  const text = rows.map((r) => `${JSON.stringify(JSON.parse(r))}\n`).join("");
  const done = await appendToWorkspace(ws, path, text, LOG_EXTENSIONS);
  return { path: done.path, records: records.length, retrodictions, bytes: done.bytes };
}
