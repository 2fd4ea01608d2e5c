/** The JSON Schema in schema/ is the one derived from the validator, and it agrees with it. */
import { readFileSync, readdirSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/index.js";

const committed = JSON.parse(readFileSync("schema/parley-1.schema.json", "utf8"));

describe("schema/parley-1.schema.json", () => {
  it("is up to date with the validator (run `npm run schema` after changing src/format/schema.ts)", () => {
    expect(committed).toEqual(scenarioJsonSchema());
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(committed);

  it.each(readdirSync("scenarios").filter((f) => f.endsWith(".yaml")))("accepts scenarios/%s", (f) => {
    const ok = validate(parse(readFileSync(`scenarios/${f}`, "utf8")));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("rejects what the validator rejects structurally", () => {
    const base = parse(readFileSync("scenarios/chicken.yaml", "utf8"));
    expect(validate({ ...base, format: "parley/2" })).toBe(false);
    expect(validate({ ...base, extra: 1 })).toBe(false);
    const { statusQuo: _sq, ...noStatusQuo } = base;
    expect(validate(noStatusQuo)).toBe(false);
    expect(validate({ ...base, decisionMakers: [{ id: "1bad", options: [] }] })).toBe(false);
  });
});
