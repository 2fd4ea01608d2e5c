/** Run `parley` in-process with captured output. */
import { run } from "../../src/cli/run.js";
import { appendTextFile, readTextFile, writeTextFile } from "../../src/cli/io.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function parley(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readText: readTextFile,
    writeText: writeTextFile,
    appendText: appendTextFile,
    isTTY: false,
  });
  return { code, stdout, stderr };
}
