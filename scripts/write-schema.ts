// Writes the JSON Schemas in schema/ (npm run schema): the scenario format,
// schema/parley-1.schema.json, from the validator's zod schema, and one file
// per kind of JSON output of the commands, from src/report/output-schemas.ts.
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/format/schema.js";
import { kindFile, OUTPUT_SCHEMAS } from "../src/report/output-schemas.js";

const write = (file: string, schema: unknown) => {
  const path = new URL(`../schema/${file}`, import.meta.url);
  writeFileSync(path, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${path.pathname}`);
};

write("parley-1.schema.json", scenarioJsonSchema());
for (const [kind, { schema }] of Object.entries(OUTPUT_SCHEMAS)) write(kindFile(kind), schema);
