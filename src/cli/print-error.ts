/** How user errors are printed: `parley: file:line:col: message`, one per line. Light on purpose: the start-up path loads it. */
import { formatIssues, type ParleyError } from "../format/errors.js";
import type { CliIO } from "./io.js";

export function printError(io: CliIO, e: ParleyError): void {
  io.stderr(`parley: ${formatIssues(e.issues, e.file).replace(/\n/g, "\nparley: ")}\n`);
}
