// The pieces of src/format/validate/: unknown-field suggestions follow the schema,
// and issue codes are a closed list (a misspelt code does not type-check).
import { describe, expect, it } from "vitest";
import { ParleyError, type IssueCode } from "../../src/format/errors.js";
import { validateData } from "../../src/format/validate.js";
import { knownFields } from "../../src/format/validate/zod-issues.js";

describe("unknown-field suggestions", () => {
  it("offer the keys of the object schema at the field's place", () => {
    expect(knownFields([])).toContain("decisionMakers");
    expect(knownFields(["decisionMakers", 0, "options", 2])).toEqual([
      "id",
      "label",
      "whenTaken",
      "whenNotTaken",
      "withdrawLabel",
      "irreversible",
      "note",
      "sources",
      "assumption",
    ]);
    expect(knownFields(["preferences", "A", "statements", 0])).toContain("anyOf");
    expect(knownFields(["decisionMakers", 0, "perceivedPreferences", "B"])).toContain("ranking");
    expect(knownFields(["preferences", "A", "unknown", 0, "between"])).toEqual(["condition", "pattern"]);
    expect(knownFields(["bargaining", "issues", 0, "scale"])).toContain("minLabel");
    expect(knownFields(["whatIfs", 0])).toEqual(["file", "title", "note"]);
    expect(knownFields(["toString"])).toEqual([]);
  });

  it("say 'did you mean' for a near miss", () => {
    const { issues } = validateData({
      format: "parley/1",
      name: "x",
      decisionMakers: [{ id: "A", options: [{ id: "a", lable: "x" }] }],
      statusQuo: "N",
      preferences: { A: ["a"] },
    });
    expect(issues.map((i) => [i.code, i.message])).toEqual([["unknown-field", "unknown field 'lable'; did you mean 'label'?"]]);
  });
});

describe("issue codes", () => {
  it("are checked by the type system", () => {
    const code: IssueCode = "unknown-option";
    // @ts-expect-error a misspelt code is a type error
    const typo: IssueCode = "unknwn-option";
    // @ts-expect-error so is one given to ParleyError
    const error = new ParleyError({ code: "unknown-opton", message: "x" });
    expect([code, typo, error.issues[0].code]).toEqual(["unknown-option", "unknwn-option", "unknown-opton"]);
  });
});
