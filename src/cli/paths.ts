/**
 * Files shipped with Parley, found relative to this module. It is two folders
 * below the package root in the sources (src/cli/paths.ts), in tsc's output
 * and in the bundled CLI (dist/cli/, where its code lands in one of the
 * chunks), so the same relative URLs work from all three. The CLI's shipped
 * files are found here: a module deeper in src/ (src/cli/commands/) is at
 * another depth once bundled (tests/cli/cli.test.ts checks every
 * `new URL(..., import.meta.url)` of the bundle).
 */
import { fileURLToPath } from "node:url";

/** The embedded default scenario that `parley analyze` and `npm start` use without a FILE. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url));

/** The built-in gazetteer of `parley ingest`. */
export const GAZETTEER_FILE = fileURLToPath(new URL("../../data/gazetteer.yaml", import.meta.url));
