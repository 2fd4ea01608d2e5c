/** The JSON Schema of a partial result (`parley-partial/1`), written by the commands run with `--shard i/n` and read by `parley merge`. */
import { PARTIAL_FORMAT } from "../interchange/partial.js";
import { arr, int, num, obj, root, str, type Schema } from "./schema-kit.js";

const count: Schema = { type: "integer", minimum: 0 };

export const partialSchema = root(
  PARTIAL_FORMAT,
  "parley robustness | forecast | bargain | compare … --shard i/n: one shard's partial result, which parley merge combines with the others",
  {
    command: { enum: ["robustness", "forecast", "bargain", "compare"], description: "The command that wrote it." },
    options: { type: "object", description: "The command's options, all but where the output goes and how many threads ran it." },
    scenarios: arr(obj({ name: str, hash: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }, text: str }), { minItems: 1 }),
    shard: obj({ index: { ...int, minimum: 1 }, count: { ...int, minimum: 1 } }),
    loops: arr(
      obj(
        {
          samples: count,
          from: count,
          to: count,
          counts: arr(arr(num, { minItems: 2, maxItems: 2 }), { description: "[index, count] pairs, by index: whole numbers added over the shards." }),
          values: arr({}, { description: "One value per draw from..to-1, in draw order." }),
        },
        ["counts", "values"],
        "One Monte Carlo loop of the computation, in the order it runs them: the shard's draws from..to-1 of samples.",
      ),
    ),
  },
);
