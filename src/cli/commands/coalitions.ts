/** `parley coalitions`. */
import { InvalidArgumentError, type Command } from "commander";
import { ParleyError } from "../../format/errors.js";
import { analyze } from "../../stability/analyze.js";
import { coalitionAnalysisSteps, coalitionCount, COALITION_CONCEPTS, MAX_COALITIONS, type CoalitionConcept } from "../../extensions/coalitions.js";
import { coalitionsOutput, shownStates } from "../../present/coalitions-output.js";
import { print, type PrintOptions } from "../print.js";
import { conceptOption, forceOption, maxStatesOption, outputOption, parseConcepts, parseCount, formatOption, runSteps, type CommandEnv } from "../env.js";
import { parseStateRef } from "../../model/states.js";
import { count } from "../../format/count.js";

const DEFAULT_LIMIT = 10;

export function register(program: Command, env: CommandEnv): void {
  program
    .command("coalitions")
    .description(
      "coalition analysis: which groups of decision makers could leave each equilibrium together, by what joint moves, and whether the others deter them",
    )
    .argument("<file>", "scenario file")
    .option("-s, --state <state>", "only this state (number or Y/N pattern), an equilibrium or not")
    .addOption(coalitionConceptOption())
    .option("--max-size <n>", "largest coalition to examine (default: all the decision makers together)", parseCount)
    .option("-l, --limit <n>", `text, md and html: how many equilibria to show in detail, strongest first; 0 for all (default: ${DEFAULT_LIMIT})`, parseLimit)
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
A coalition is a group of two or more decision makers. It can leave a state when
its members, moving one after another (no one twice in a row), reach a state
every one of them prefers; the move is deterred when the others can answer so
that some member ends up no better off. Concepts: ${COALITION_CONCEPTS.join(", ")} (SIM is not
defined for coalitions). See docs/coalitions.md.

Examples:
  parley coalitions scenarios/ukraine-2025.yaml
  parley coalitions scenarios/elmira.yaml --state 7
  parley coalitions scenarios/ukraine-2025.yaml -c SEQ --max-size 2 --limit 0
  parley coalitions scenarios/prisoners-dilemma.yaml -f json > coalitions.json`,
    )
    .action(async (file: string, o: PrintOptions & { state?: string; concept?: CoalitionConcept[]; maxSize?: number; limit?: number; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      const state = o.state !== undefined ? parseStateRef(model, o.state) : undefined;
      const concepts = o.concept ?? [...COALITION_CONCEPTS];
      if (o.maxSize !== undefined && o.maxSize < 2)
        throw new ParleyError({ code: "bad-coalition-size", message: `--max-size ${o.maxSize}: a coalition has at least 2 members` });
      const maxSize = Math.min(o.maxSize ?? model.nDMs, model.nDMs);
      const coalitions = coalitionCount(model.nDMs, 2, maxSize);
      if (coalitions > MAX_COALITIONS)
        throw new ParleyError({
          code: "too-many-coalitions",
          message: `${model.nDMs} decision makers make ${count(coalitions)} coalitions of 2 to ${maxSize} members, over the limit of ${count(MAX_COALITIONS)}; examine smaller ones with --max-size`,
        });
      const analysis = analyze(model, { concepts });
      // Many equilibria on a large model take a while: progress on a terminal, Ctrl-C stops.
      const limit = o.limit ?? DEFAULT_LIMIT;
      // JSON lists every joint move; the document explains only the states it shows (verdicts for all).
      const detail = o.format === "json" ? undefined : (examined: Parameters<typeof shownStates>[1]) => shownStates(model, examined, limit);
      const steps = coalitionAnalysisSteps(analysis, {
        concepts,
        maxSize,
        ...(state !== undefined ? { states: [state] } : {}),
        ...(detail ? { detail } : {}),
      });
      const result = await runSteps(env, steps, model.states.length >= 2_000);
      await print(env, coalitionsOutput, { model, analysis, coalitions: result }, o, { limit });
    });
}

/** The shared --concept option, limited to the concepts defined for coalitions. */
function coalitionConceptOption() {
  const option = conceptOption().argParser(parseCoalitionConcepts);
  option.description = `stability concepts, comma-separated: ${COALITION_CONCEPTS.join(", ")} (default: all four)`;
  return option;
}

function parseCoalitionConcepts(value: string, previous: CoalitionConcept[] | undefined): CoalitionConcept[] {
  const list = parseConcepts(value, previous);
  const other = list.find((c) => !(COALITION_CONCEPTS as readonly string[]).includes(c));
  if (other) throw new InvalidArgumentError(`coalition analysis supports ${COALITION_CONCEPTS.join(", ")}; ${other} is not defined for coalitions`);
  return list as CoalitionConcept[];
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`'${value}' is not a whole number (0 for all)`);
  return n;
}
