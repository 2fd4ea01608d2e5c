/** `parley explain`. */
import type { Command } from "commander";
import { statePattern, type Model } from "../../model/compile.js";
import { analyze, CONCEPTS, createContext, type Concept } from "../../stability/analyze.js";
import { explainState } from "../../stability/explain.js";
import { renderExplanation } from "../../present/explain-text.js";
import { conceptOption, forceOption, jsonText, maxStatesOption, outputOption, resolveDM, formatOption, type CommandEnv } from "../env.js";
import { parseStateRef } from "../../model/states.js";

export const EXPLANATION_FORMAT = "parley-explanation/1";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("explain")
    .description("why a state is stable or not for each decision maker, in words")
    .argument("<file>", "scenario file")
    .argument("<state>", "state number (1..N) or Y/N pattern")
    .option("-d, --dm <id>", "only this decision maker (id or name)")
    .addOption(conceptOption())
    .addOption(formatOption(["text", "json"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley explain scenarios/elmira.yaml 5
  parley explain scenarios/elmira.yaml NYNNY --dm moe --concept GMR,SEQ`,
    )
    .action(
      (
        file: string,
        stateName: string,
        o: { dm?: string; concept?: Concept[]; format: "text" | "json"; output?: string; force?: boolean; maxStates: number },
      ) => {
        const model = env.load(file, o.maxStates);
        const state = parseStateRef(model, stateName);
        const dms = o.dm !== undefined ? [resolveDM(model, o.dm)] : model.scenario.decisionMakers.map((_, d) => d);
        const concepts = o.concept ?? [...CONCEPTS];
        const ctx = createContext(model);
        const explanations = dms.map((d) => explainState(ctx, state, d, concepts));
        if (o.format === "json") {
          env.writeResult(jsonText(explainJson(model, explanations, concepts)), o);
          return;
        }
        const analysis = analyze(model, { concepts, context: ctx });
        const eqUnder = concepts.filter((c) => analysis.equilibria[c]!.includes(state));
        const head = `State ${state + 1} (${statePattern(model, state)})${state === model.statusQuo ? ", the status quo" : ""}: ${
          eqUnder.length ? `an equilibrium under ${eqUnder.join(", ")}` : "not an equilibrium under any concept analysed"
        }.`;
        env.writeResult([head, "", ...explanations.map((ex) => renderExplanation(model, ex, concepts) + "\n")].join("\n"), o);
      },
    );
}

function explainJson(model: Model, explanations: ReturnType<typeof explainState>[], concepts: Concept[]) {
  const step = (m: { dm: number; from: number; to: number }) => ({
    decisionMaker: model.scenario.decisionMakers[m.dm].id,
    from: m.from + 1,
    to: m.to + 1,
  });
  return {
    format: EXPLANATION_FORMAT,
    state: explanations[0] ? explanations[0].state + 1 : undefined,
    pattern: explanations[0] ? statePattern(model, explanations[0].state) : undefined,
    concepts,
    decisionMakers: explanations.map((ex) => ({
      id: model.scenario.decisionMakers[ex.dm].id,
      stable: ex.stable,
      improvements: ex.improvements.map((imp) => ({
        to: imp.to + 1,
        pattern: statePattern(model, imp.to),
        sanctions: Object.fromEntries(
          Object.entries(imp.sanctions).map(([c, sn]) => [c, sn ? { simultaneous: sn.simultaneous, moves: sn.moves.map(step), result: sn.result + 1 } : null]),
        ),
      })),
    })),
  };
}
