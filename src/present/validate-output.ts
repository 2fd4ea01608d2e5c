import { arr, bool, int, nullable, obj, oneOfValues, root, stateIdSchema, str } from "./schema-kit.js";

export const diagnosticsSchema = root("parley-diagnostics/1", "parley validate --format json", {
  valid: { type: "boolean", description: "Whether every file is valid (the exit code is 2 when not)." },
  files: arr(
    obj({
      file: str,
      valid: bool,
      model: nullable(obj({ decisionMakers: int, options: int, feasibleStates: int, statusQuo: stateIdSchema })),
      issues: arr(
        obj({
          severity: oneOfValues("error", "warning"),
          code: str,
          message: str,
          path: nullable(arr({ type: ["string", "integer"] })),
          line: nullable({ type: "integer", minimum: 1 }),
          column: nullable({ type: "integer", minimum: 1 }),
        }),
      ),
    }),
  ),
});
