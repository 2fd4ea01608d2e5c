/** Scenario text -> compiled Model, with every error located in the text. */
import { compileScenario, type CompileOptions, type Model } from "./compile.js";
import { ParleyError } from "../format/errors.js";
import type { InputLimits } from "../format/limits.js";
import { parseScenarioSource } from "../format/validate.js";

export function loadModel(text: string, file?: string, opts: CompileOptions & { limits?: InputLimits } = {}): Model {
  const { scenario, source } = parseScenarioSource(text, file, opts.limits);
  try {
    return compileScenario(scenario, opts);
  } catch (e) {
    if (!(e instanceof ParleyError)) throw e;
    // Issues found once states are known carry a path; add line and column.
    const located = e.issues.map((i) => (i.path && i.line === undefined ? { ...i, ...source.locate(i.path) } : i));
    throw new ParleyError(located, file);
  }
}
