/**
 * The shape of a scenario file (format `parley/1`), as a zod schema. It checks
 * structure only; names, references and statements are checked afterwards in
 * validate.ts. The JSON Schema in schema/ is generated from this one
 * (`npm run schema`), so editors autocomplete what the validator accepts.
 */
import * as z from "zod";
import { BARGAINING_MODELS } from "./bargaining-spec.js";

export const FORMAT = "parley/1";

const text = (what: string) => z.string().min(1, `${what} must not be empty`);

/** note / sources / assumption: provenance that any element may carry. */
const provenance = {
  note: z.string().optional().meta({ description: "Free text explaining the element." }),
  sources: z.array(z.string()).optional().meta({ description: "Where the element comes from: fact numbers (F3), articles, URLs." }),
  assumption: z.string().optional().meta({ description: "Set when the element is an assumption rather than a sourced fact: the reason for it." }),
};

const id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an id must start with a letter or '_' and contain only letters, digits and '_'");

export const OptionSchema = z
  .strictObject({
    id: id.meta({ description: "Unique option id, used in statements (letters, digits, '_')." }),
    label: z.string().optional().meta({ description: "What taking the option means, in words." }),
    whenTaken: z.string().optional().meta({ description: "How a report describes a state where the option is taken, e.g. 'a ceasefire holds'." }),
    whenNotTaken: z.string().optional().meta({ description: "How a report describes a state where it is not taken, e.g. 'sanctions stay on hold'." }),
    withdrawLabel: z
      .string()
      .optional()
      .meta({ description: "What withdrawing the option means, in words, e.g. 'lift the new sanctions' (default: withdraw \"<label>\")." }),
    irreversible: z
      .union([z.boolean(), z.enum(["taking", "withdrawal"])])
      .optional()
      .meta({
        description:
          "true or 'taking': once taken it cannot be withdrawn (moves only N->Y). 'withdrawal': once withdrawn it cannot be taken again (moves only Y->N).",
      }),
    ...provenance,
  })
  .meta({ title: "Option" });

const YesNo = z.union([z.enum(["Y", "N", "y", "n"]), z.boolean()]);
const PatternMap = z.record(z.string(), YesNo).meta({
  description: "Option id -> Y/N (or true/false). In a pattern, options left out are 'don't care'.",
});
const PatternString = z.string().meta({ description: "Y/N/- per option, in declaration order (DMs in order, each DM's options in order)." });

/**
 * A set of states written as a condition or a Y/N/- pattern: a bare string, or a
 * mapping with `condition` or `pattern` (which of the two is checked in validate,
 * with a message of its own) and any `extra` fields. Infeasibility, misperceptions
 * and unknown preferences differ only in their words and extra fields.
 */
function stateSetSchema<Extra extends z.ZodRawShape = Record<never, never>>(
  words: { empty: string; text: string; condition: string; pattern: string; entryTitle: string; title: string },
  extra: Extra = {} as Extra,
) {
  return z
    .union([
      text(words.empty).meta({ description: words.text }),
      z
        .strictObject({
          condition: text("a condition").optional().meta({ description: words.condition }),
          pattern: z.union([PatternString, PatternMap]).optional().meta({ description: words.pattern }),
          ...extra,
        })
        .meta({ title: words.entryTitle }),
    ])
    .meta({ title: words.title });
}

export const InfeasibleSchema = stateSetSchema(
  {
    empty: "a condition",
    text: "A logical condition over option ids; states where it holds are infeasible.",
    condition: "States where this condition holds are infeasible.",
    pattern: "States matching this pattern are infeasible.",
    entryTitle: "Constraint",
    title: "Infeasibility",
  },
  {
    mutuallyExclusive: z.array(z.string()).optional().meta({ description: "At most one of these options may be taken." }),
    atLeastOneOf: z.array(z.string()).optional().meta({ description: "At least one of these options must be taken." }),
    ...provenance,
  },
);

export const StatementSchema = z
  .union([
    text("a statement").meta({
      description: "A logical statement over option ids (&, |, !, parentheses), or 'if A then B'.",
    }),
    z
      .strictObject({
        statement: text("a statement").optional(),
        if: text("a condition").optional().meta({ description: "Conditional statement: holds when `if` is false or `then` is true." }),
        then: text("a statement").optional(),
        anyOf: z.array(text("a statement")).optional().meta({ description: "Compound statement: holds when any member holds." }),
        probability: z
          .number()
          .min(0, "a probability is between 0 and 1")
          .max(1, "a probability is between 0 and 1")
          .optional()
          .meta({ description: "Preference uncertainty: the probability that the decision maker holds this statement (default 1)." }),
        ...provenance,
      })
      .meta({ title: "Statement" }),
  ])
  .meta({ title: "PreferenceStatement" });

export const RankItemSchema = z.union([PatternString, z.array(PatternString)]).meta({
  description: "A state pattern (a '-' matches both, giving a tie group) or a list of patterns that tie.",
});

/** A set of states: a condition over option ids, or a Y/N/- pattern. */
export const StateSetSchema = stateSetSchema({
  empty: "a condition or pattern",
  text: "A logical condition over option ids (every state where it holds), or a Y/N/- pattern with one letter per option (a string of only Y, N and '-' with one letter per option is read as a pattern).",
  condition: "Every state where this condition holds.",
  pattern: "Every state matching this pattern.",
  entryTitle: "StateSetEntry",
  title: "StateSet",
});

/** Unknown preferences (Li, Hipel, Kilgour & Fang 2004): pairs of states the decision maker cannot compare. */
export const UnknownPreferenceSchema = z
  .strictObject({
    between: StateSetSchema.meta({ description: "One side of the pairs: a condition or a Y/N/- pattern." }),
    and: StateSetSchema.meta({ description: "The other side of the pairs: a condition or a Y/N/- pattern." }),
    ...provenance,
  })
  .meta({
    title: "UnknownPreference",
    description:
      "The decision maker's preference between any state matching `between` and any other state matching `and` is unknown; this overrides what its statements or ranking say for those pairs. Only `parley unknown` uses it.",
  });

export const PreferenceSchema = z
  .union([
    z.array(StatementSchema).meta({ description: "Option prioritization: statements, most important first." }),
    z
      .strictObject({
        statements: z.array(StatementSchema).optional().meta({ description: "Statements, most important first." }),
        ranking: z.array(RankItemSchema).optional().meta({ description: "Explicit ranking of the feasible states, most preferred first; ties as lists." }),
        alternatives: z
          .array(
            z
              .strictObject({
                weight: z
                  .number()
                  .gt(0, "a weight is above 0")
                  .max(1, "a weight is at most 1")
                  .meta({ description: "Probability of this alternative; the main preferences keep 1 minus the sum." }),
                label: z.string().optional().meta({ description: "A short name for the alternative, used in reports." }),
                statements: z.array(StatementSchema).optional(),
                ranking: z.array(RankItemSchema).optional(),
                ...provenance,
              })
              .meta({ title: "AlternativePreferences" }),
          )
          .optional()
          .meta({ description: "Preference uncertainty: other orderings this decision maker may hold, with their weights." }),
        unknown: z.array(UnknownPreferenceSchema).optional().meta({
          description:
            "Unknown preferences: pairs of states whose preference this decision maker does not know (stability with unknown preferences, `parley unknown`; every other analysis uses the known preferences).",
        }),
        ...provenance,
      })
      .meta({ title: "Preferences" }),
  ])
  .meta({ title: "DecisionMakerPreferences" });

/** Hypergames: which states a decision maker does not perceive. */
export const MisperceptionSchema = stateSetSchema(
  {
    empty: "a condition",
    text: "A logical condition over option ids; states where it holds are unknown to the decision maker.",
    condition: "States where this condition holds are unknown to the decision maker.",
    pattern: "States matching this pattern are unknown to the decision maker.",
    entryTitle: "MisperceptionEntry",
    title: "Misperception",
  },
  provenance,
);

export const DecisionMakerSchema = z
  .strictObject({
    id: id.meta({ description: "Unique decision maker id." }),
    name: z.string().optional().meta({ description: "Display name." }),
    options: z.array(OptionSchema).meta({ description: "The options this decision maker controls (at least one)." }),
    misperceives: z.array(MisperceptionSchema).optional().meta({
      description:
        "Hypergames: states this decision maker does not know exist (it cannot move from or to them). Conditions or Y/N/- patterns; a state matching any entry is unknown to it.",
    }),
    perceivedPreferences: z.record(z.string(), PreferenceSchema).optional().meta({
      description:
        "First-level hypergames: decision maker id -> the preferences this decision maker believes that other decision maker has (default: its true preferences).",
    }),
    rate: z
      .strictObject({
        perMonth: z.number().positive().max(1000).meta({ description: "Decisive moves a month, on average (for example 1, or 0.25 for one a season)." }),
        ...provenance,
      })
      .optional()
      .meta({
        description:
          "How often this decision maker makes a decisive move, for forecasts by a date (parley forecast); an assumption, so give its reason. Absent: one a month.",
      }),
    ...provenance,
  })
  .meta({ title: "DecisionMaker" });

/** A calendar date, YYYY-MM-DD. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .meta({ description: "A date, YYYY-MM-DD." });

export const StatusQuoSchema = z
  .union([
    PatternString,
    z
      .strictObject({
        state: z.union([PatternString, PatternMap]),
        ...provenance,
      })
      .meta({ title: "AnnotatedStatusQuo" }),
    PatternMap,
  ])
  .meta({ description: "Today's state: a Y/N pattern, or option id -> Y/N (options left out are N)." });

/** A number, or a number with an uncertainty range and provenance (spatial bargaining). */
const RangedNumberSchema = z
  .union([
    z.number(),
    z
      .strictObject({
        value: z.number().meta({ description: "The best estimate." }),
        min: z.number().optional().meta({ description: "Lowest plausible value (Monte Carlo sensitivity draws between min and max)." }),
        max: z.number().optional().meta({ description: "Highest plausible value." }),
        ...provenance,
      })
      .meta({ title: "RangedNumber" }),
  ])
  .meta({ description: "A number, or { value, min, max } with provenance: the range is sampled by the sensitivity analysis." });

/** Spatial bargaining: issues on a numeric scale, and each actor's position, salience and capability. */
export const BargainingSchema = z
  .strictObject({
    actors: z
      .array(
        z
          .strictObject({
            id: id.meta({ description: "Actor id, distinct from the decision makers' ids." }),
            name: z.string().optional(),
            ...provenance,
          })
          .meta({ title: "BargainingActor" }),
      )
      .optional()
      .meta({ description: "Actors besides the decision makers (who take part under their own ids)." }),
    issues: z
      .array(
        z
          .strictObject({
            id: id.meta({ description: "Issue id." }),
            title: z.string().optional().meta({ description: "The question in words, e.g. 'How much occupied territory Ukraine cedes'." }),
            scale: z
              .strictObject({
                min: z.number().meta({ description: "Low end of the scale." }),
                max: z.number().meta({ description: "High end of the scale." }),
                minLabel: text("a label").meta({ description: "What the low end means, e.g. 'no territory ceded'." }),
                maxLabel: text("a label").meta({ description: "What the high end means, e.g. 'all occupied territory ceded'." }),
                unit: z.string().optional().meta({ description: "Unit shown after numbers, e.g. '%'." }),
              })
              .meta({ title: "IssueScale" }),
            statusQuo: RangedNumberSchema.optional().meta({
              description: "Today's value on the scale; the Nash bargaining solution's disagreement point when set.",
            }),
            positions: z
              .record(
                z.string(),
                z
                  .strictObject({
                    position: RangedNumberSchema.meta({ description: "The outcome the actor wants, on the issue's scale." }),
                    salience: RangedNumberSchema.meta({ description: "How much the issue matters to the actor, from 0 to 1." }),
                    capability: RangedNumberSchema.meta({ description: "The actor's clout on the issue, at least 0; only ratios between actors matter." }),
                    ...provenance,
                  })
                  .meta({ title: "IssuePosition" }),
              )
              .meta({ description: "Actor id (a decision maker or a bargaining actor) -> its position, salience and capability." }),
            onTable: z
              .array(
                z
                  .strictObject({
                    option: id.meta({ description: "An option of the graph model." }),
                    atLeast: z.number().optional().meta({ description: "On the table only when the forecast is at least this." }),
                    atMost: z.number().optional().meta({ description: "On the table only when the forecast is at most this." }),
                    ...provenance,
                  })
                  .meta({ title: "IssueLink" }),
              )
              .optional()
              .meta({ description: "Link to the graph model: options that are on the table only when the issue's forecast settlement lies in a range." }),
            ...provenance,
          })
          .meta({ title: "BargainingIssue" }),
      )
      .meta({ description: "The issues, each on its own numeric scale." }),
    linkModel: z
      .strictObject({
        model: z.enum(BARGAINING_MODELS).meta({ description: "mean, median, nash, expected-utility or smp." }),
        ...provenance,
      })
      .optional()
      .meta({
        title: "LinkModel",
        description:
          "The model whose forecast decides which graph-model options are on the table (parley bargain's default --link-model), with the reason for the choice.",
      }),
    ...provenance,
  })
  .meta({
    title: "Bargaining",
    description: "Spatial bargaining (parley bargain): where continuous issues may settle, from each actor's position, salience and capability.",
  });

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(FORMAT).meta({ description: "File format and version." }),
    name: text("name").meta({ description: "Scenario title." }),
    description: z.string().optional(),
    decisionMakers: z.array(DecisionMakerSchema).meta({ description: "The parties, in order." }),
    infeasible: z.array(InfeasibleSchema).optional().meta({ description: "Conditions that make a state impossible, and option groups." }),
    statusQuo: StatusQuoSchema,
    asOf: z.string().optional().meta({ description: "The date the scenario describes, e.g. 'August 2025'." }),
    limitations: z.array(z.string()).optional().meta({ description: "What the model leaves out or simplifies, shown in reports." }),
    whatIfs: z
      .array(
        z.strictObject({
          file: text("a file").meta({ description: "A sibling scenario file, relative to this one." }),
          title: z.string().optional(),
          note: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: "Variants of this scenario that reports analyse beside it." }),
    goals: z
      .array(
        z.strictObject({
          title: text("a title").meta({ description: "The outcome in words, e.g. 'A ceasefire backed by guarantees'." }),
          condition: text("a condition").meta({ description: "The states that count as this outcome: a condition over option ids." }),
          note: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: "Outcomes the reader cares about; reports say what it would take for each to hold." }),
    preferences: z.record(z.string(), PreferenceSchema).meta({ description: "Decision maker id -> its preferences." }),
    facts: z
      .array(
        z.strictObject({
          id: text("an id").meta({ description: "The id sources cite, e.g. F3." }),
          fact: text("the fact").meta({ description: "The fact in the modeller's words." }),
          quote: z.string().optional().meta({ description: "The sentence of the source it rests on, as published." }),
          source: z.string().optional().meta({ description: "Where it was published (title, outlet, date, address)." }),
          date: IsoDate.optional().meta({ description: "When it was published or became known (YYYY-MM-DD)." }),
        }),
      )
      .optional()
      .meta({ description: "The facts the scenario cites by id in its sources; parley lint checks every cited id is here." }),
    questions: z
      .array(
        z.strictObject({
          id: id.meta({ description: "Unique question id (the key of its resolution in parley score)." }),
          question: text("the question").meta({ description: "The question in plain words, e.g. 'Will Russia agree to a ceasefire by 31 December 2025?'" }),
          condition: text("a condition").meta({ description: "The states where the answer is yes: a condition over option ids." }),
          by: IsoDate.meta({ description: "The date by which it resolves (YYYY-MM-DD): yes when the condition has held at some moment by then." }),
          resolution: z.string().optional().meta({ description: "How to tell, in words, whether it resolved yes." }),
          ...provenance,
        }),
      )
      .optional()
      .meta({ description: "Forecast questions: parley forecast gives each one's probability by its date." }),
    forecast: z
      .strictObject({
        concept: z
          .enum(["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ+SIM"])
          .optional()
          .meta({ description: "Play stops at equilibria of this concept (default SEQ)." }),
        rules: z
          .array(
            z.strictObject({
              rule: z.enum(["uniform", "gain", "undeterred"]).meta({
                description:
                  "uniform: any improvement; gain: improvements weighted by how far they climb the mover's ranking; undeterred: only improvements no credible sanction deters.",
              }),
              weight: z.number().min(0).meta({ description: "Relative weight of this rule (how sure you are that the parties behave so)." }),
              ...provenance,
            }),
          )
          .min(1)
          .optional()
          .meta({ description: "Behaviour rules and their weights (default: undeterred 2, uniform 1)." }),
        horizon: z.number().int().min(1).max(1000).optional().meta({ description: "At most this many moves (default 30)." }),
        ...provenance,
      })
      .optional()
      .meta({ description: "How parley forecast models play; every setting has a default." }),
    bargaining: BargainingSchema.optional(),
    ...provenance,
  })
  .meta({
    title: "Parley scenario",
    description: "A conflict model for Parley (Graph Model for Conflict Resolution).",
  });

export type ScenarioFile = z.infer<typeof ScenarioSchema>;
export type OptionEntry = z.infer<typeof OptionSchema>;
export type MisperceptionEntry = z.infer<typeof MisperceptionSchema>;
export type InfeasibleEntry = z.infer<typeof InfeasibleSchema>;
export type StatementEntry = z.infer<typeof StatementSchema>;
export type PreferenceEntry = z.infer<typeof PreferenceSchema>;
export type StateSetEntry = z.infer<typeof StateSetSchema>;
export type UnknownPreferenceEntry = z.infer<typeof UnknownPreferenceSchema>;
export type StatusQuoEntry = z.infer<typeof StatusQuoSchema>;
export type BargainingEntry = z.infer<typeof BargainingSchema>;
export type RangedNumberEntry = z.infer<typeof RangedNumberSchema>;

/** The JSON Schema that editors use (draft 2020-12). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
}
