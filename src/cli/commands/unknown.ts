/** `parley unknown`: stability when some preferences are unknown (Li, Hipel, Kilgour & Fang 2004). */
import { InvalidArgumentError, Option, type Command } from "commander";
import { unknownOutput } from "../../present/unknown-output.js";
import { print, type PrintOptions } from "../print.js";
import {
  analyzeUnknown,
  UNKNOWN_CONCEPTS,
  UNKNOWN_VARIANT_INFO,
  UNKNOWN_VARIANTS,
  type UnknownAnalysis,
  type UnknownConcept,
  type UnknownVariant,
} from "../../extensions/unknown.js";
import { forceOption, formatOption, maxStatesOption, outputOption, withLocations, type CommandEnv } from "../env.js";
import { parseStateRef } from "../../model/states.js";

function parseUnknownConcepts(value: string, previous: UnknownConcept[] | undefined): UnknownConcept[] {
  const out = [...(previous ?? [])];
  for (const part of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const found = UNKNOWN_CONCEPTS.find((c) => c.toLowerCase() === part.toLowerCase());
    if (!found) {
      const why = /^(sim|seq\+sim)$/i.test(part) ? ": simultaneous stability has no published form with unknown preferences" : "";
      throw new InvalidArgumentError(`unknown concept '${part}'${why}; choose from ${UNKNOWN_CONCEPTS.join(", ")}`);
    }
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

function parseVariants(value: string, previous: UnknownVariant[] | undefined): UnknownVariant[] {
  const out = [...(previous ?? [])];
  for (const part of value
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)) {
    const found = UNKNOWN_VARIANTS.find((v) => v === part);
    if (!found) throw new InvalidArgumentError(`unknown variant '${part}'; choose from ${UNKNOWN_VARIANTS.join(", ")}`);
    if (!out.includes(found)) out.push(found);
  }
  return out.sort();
}

export function register(program: Command, env: CommandEnv): void {
  program
    .command("unknown")
    .description("stability when some preferences are unknown: Nash, GMR, SMR and SEQ in the variants a-d of Li et al. (2004)")
    .argument("<file>", "scenario file (decision makers' preferences may list `unknown` pairs of states)")
    .addOption(new Option("-c, --concept <names>", `concepts, comma-separated: ${UNKNOWN_CONCEPTS.join(", ")} (default: all)`).argParser(parseUnknownConcepts))
    .addOption(new Option("--variant <ids>", "variants, comma-separated: a, b, c, d (default: all)").argParser(parseVariants))
    .option("-s, --state <state>", "also explain why this state (number or Y/N pattern) is or is not stable")
    .addOption(formatOption(["text", "json", "md", "html"], "text"))
    .addOption(outputOption())
    .addOption(forceOption())
    .addOption(maxStatesOption())
    .addHelpText(
      "after",
      `
A decision maker's preferences may say which pairs of states it cannot compare:
  preferences:
    ru:
      statements: [...]
      unknown:
        - between: ru_ceasefire              # a condition or a Y/N/- pattern
          and: "ru_offensive & !us_sanctions"
Each concept then comes in four variants, by how the decision maker treats a state
it cannot compare with the current one:
${UNKNOWN_VARIANTS.map((v) => `  ${v}  ${UNKNOWN_VARIANT_INFO[v].summary}`).join("\n")}
"plain" is the analysis of the known preferences (parley analyze); every other
command uses that one.

Examples:
  parley unknown model.yaml                       every concept and variant, text
  parley unknown model.yaml -c GMR,SEQ --variant a,d
  parley unknown model.yaml --state 5             also: why state 5 is or is not stable
  parley unknown model.yaml --format json > unknown.json

Definitions, sources and a worked example: docs/unknown-preferences.md.`,
    )
    .action(async (file: string, o: PrintOptions & { concept?: UnknownConcept[]; variant?: UnknownVariant[]; state?: string; maxStates: number }) => {
      const model = env.load(file, o.maxStates);
      const focus = o.state !== undefined ? parseStateRef(model, o.state) : undefined;
      const a: UnknownAnalysis = withLocations(env, file, () =>
        analyzeUnknown(model, { concepts: o.concept ?? UNKNOWN_CONCEPTS, variants: o.variant ?? UNKNOWN_VARIANTS }),
      );
      await print(env, unknownOutput, { analysis: a, focus }, o);
    });
}
