/**
 * Hypergames: the states each decision maker does not perceive (`misperceives`)
 * and the preferences it believes the others hold (`perceivedPreferences`).
 * Sets them on the decision makers already built.
 */
import type { MisperceptionSpec, PerceivedPreferenceSpec } from "../scenario.js";
import type { MisperceptionEntry, PreferenceEntry, ScenarioFile } from "../schema.js";
import { provenanceOf, suggest, type Context, type Path } from "./context.js";
import { preference } from "./preferences.js";
import { stateSet } from "./references.js";

export function validateHypergame(ctx: Context, file: ScenarioFile): void {
  const { report, decisionMakers, dmIndex } = ctx;
  file.decisionMakers.forEach((entry, d) => {
    const dm = decisionMakers[d];
    const path: Path = ["decisionMakers", d];
    if (entry.misperceives !== undefined) {
      const list: MisperceptionSpec[] = [];
      entry.misperceives.forEach((m: MisperceptionEntry, k) => {
        const one = misperception(ctx, m, [...path, "misperceives", k]);
        if (one) list.push(one);
      });
      dm.misperceives = list;
    }
    if (entry.perceivedPreferences !== undefined) {
      const list: PerceivedPreferenceSpec[] = [];
      for (const key of Object.keys(entry.perceivedPreferences)) {
        const ppath: Path = [...path, "perceivedPreferences", key];
        const j = dmIndex.get(key);
        if (j === undefined) {
          report(
            "unknown-decision-maker",
            `perceivedPreferences given for unknown decision maker '${key}'${suggest(key, [...dmIndex.keys()])}`,
            [...path, "perceivedPreferences"],
            key,
          );
          continue;
        }
        if (j === d) {
          report(
            "own-perceived-preferences",
            `'${dm.id}' cannot misjudge its own preferences: perceivedPreferences is for other decision makers (its own are under preferences.${dm.id})`,
            [...path, "perceivedPreferences"],
            key,
          );
          continue;
        }
        const perceived = entry.perceivedPreferences[key] as PreferenceEntry;
        if (!Array.isArray(perceived) && perceived.unknown !== undefined)
          report(
            "unknown-in-perceived",
            `unknown preferences belong under preferences.${key}, not under perceivedPreferences: a decision maker's own preferences say which pairs of states it cannot compare`,
            [...ppath, "unknown"],
          );
        const pref = preference(ctx, perceived, ppath);
        if (pref) list.push({ dm: j, preferences: pref, path: ppath });
      }
      dm.perceivedPreferences = list;
    }
  });
}

/**
 * One `misperceives` entry. A bare string is a condition, except that a string of
 * only Y, N and '-' with one letter per option (and not an option id) is a pattern.
 */
function misperception(ctx: Context, entry: MisperceptionEntry, path: Path): MisperceptionSpec | undefined {
  const set = stateSet(ctx, entry, path, {
    code: "bad-misperception",
    missing: "a misperceives entry needs a condition or a pattern",
    both: "a misperceives entry takes a condition or a pattern, not both; split it into two entries",
  });
  return set && typeof entry !== "string" ? { ...set, ...provenanceOf(entry) } : set;
}
