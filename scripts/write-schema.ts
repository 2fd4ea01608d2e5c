// Writes schema/parley-1.schema.json from the validator's zod schema (npm run schema).
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/model/schema.js";

const path = new URL("../schema/parley-1.schema.json", import.meta.url);
writeFileSync(path, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
console.log(`wrote ${path.pathname}`);
