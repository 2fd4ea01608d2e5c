/** Every `parley` command, in the order `--help` lists them. */
import type { Command } from "commander";
import type { CommandEnv } from "../env.js";
import { register as reportCommand } from "./report.js";
import { register as forecastCommand } from "./forecast.js";
import { register as scoreCommand } from "./score.js";
import { register as lintCommand } from "./lint.js";
import { register as serveCommand } from "./serve.js";
import { register as analyzeCommand } from "./analyze.js";
import { register as explainCommand } from "./explain.js";
import { register as pathsCommand } from "./paths.js";
import { register as foresightCommand } from "./foresight.js";
import { register as compareCommand } from "./compare.js";
import { register as inverseCommand } from "./inverse.js";
import { register as robustnessCommand } from "./robustness.js";
import { register as unknownCommand } from "./unknown.js";
import { register as coalitionsCommand } from "./coalitions.js";
import { register as hypergameCommand } from "./hypergame.js";
import { register as bargainCommand } from "./bargain.js";
import { register as statesCommand } from "./states.js";
import { register as validateCommand } from "./validate.js";
import { register as importCommand } from "./import.js";
import { register as exportCommand } from "./export.js";
import { register as schemaCommand } from "./schema.js";
import { register as ingestCommand } from "./ingest.js";

export const COMMANDS: ((program: Command, env: CommandEnv) => void)[] = [
  reportCommand,
  forecastCommand,
  scoreCommand,
  lintCommand,
  serveCommand,
  analyzeCommand,
  explainCommand,
  pathsCommand,
  foresightCommand,
  compareCommand,
  inverseCommand,
  robustnessCommand,
  unknownCommand,
  coalitionsCommand,
  hypergameCommand,
  bargainCommand,
  statesCommand,
  validateCommand,
  importCommand,
  exportCommand,
  schemaCommand,
  ingestCommand,
];
