/** `parley analyze`. */
import type { Command } from "commander";
import { analyzeSteps, CONCEPTS, type Concept } from "../../stability/analyze.js";
import { analysisToJson, renderAnalysis, type TableFormat } from "../../io/analysis-output.js";
import { DEFAULT_SCENARIO } from "../paths.js";
import { conceptOption, maxStatesOption, formatOption, runSteps, type CommandEnv } from "../env.js";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("analyze")
    .description("stability of every feasible state for every decision maker, and the equilibria")
    .argument("[file]", "scenario file (default: the embedded default scenario)")
    .addOption(conceptOption())
    .addOption(formatOption(["table", "json", "csv", "md"], "table"))
    .option("-e, --equilibria-only", "list only states that are an equilibrium under some concept")
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
Examples:
  parley analyze                                  the default scenario, every concept
  parley analyze scenarios/prisoners-dilemma.yaml -c Nash,GMR
  parley analyze model.yaml --format json > results.json
  parley analyze model.yaml -f csv -e             equilibria only, as CSV`,
    )
    .action(async (file: string | undefined, o: { concept?: Concept[]; format: TableFormat | "json"; equilibriaOnly?: boolean; maxStates: number }) => {
      const model = env.load(file ?? DEFAULT_SCENARIO, o.maxStates);
      // Large models show progress on a terminal and stop cleanly on Ctrl-C.
      const analysis = await runSteps(env, analyzeSteps(model, { concepts: o.concept ?? CONCEPTS }), model.states.length >= 20_000);
      if (o.format === "json") env.io.stdout(JSON.stringify(analysisToJson(analysis), null, 2) + "\n");
      else env.io.stdout(renderAnalysis(analysis, o.format, { equilibriaOnly: o.equilibriaOnly }));
    });
}
