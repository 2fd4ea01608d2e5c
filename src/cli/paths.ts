/** Files shipped with Parley, found relative to this module (works from src/ and dist/). */
import { fileURLToPath } from "node:url";

/** The embedded default scenario that `parley analyze` and `npm start` use without a FILE. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url));
