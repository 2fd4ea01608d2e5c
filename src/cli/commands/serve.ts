/** `parley serve`. */
import type { Command } from "commander";
import { startServer } from "../../server/server.js";
import { WorkspaceError } from "../../server/workspace.js";
import { ParleyError } from "../../format/errors.js";
import { parseCount, type CommandEnv } from "../env.js";
import { resolve } from "node:path";

export function register(program: Command, env: CommandEnv): void {
  program
    .command("serve")
    .description("the browser workbench on http://127.0.0.1: edit a scenario and see its analysis live")
    .argument("[dir]", "folder of scenario files to open and save (default: the current folder)")
    .option("-p, --port <n>", "port to listen on (default: a free one)", parseCount)
    .option("--open <file>", "the scenario to open first (relative to the folder)")
    .option("--max-file-size <bytes>", "largest scenario file read or saved (default 2 MiB)", parseCount)
    .addHelpText(
      "after",
      `
The server listens on loopback only and serves the app and the scenario files
(*.yaml, *.yml, *.json) of the folder; saves are atomic and never overwrite a
file changed on disk without asking. Without a folder it serves the current
one (an empty folder opens a new scenario to write and save). Stop it with
Ctrl-C.

Examples:
  parley serve                         the current folder
  parley serve ~/conflicts --port 8080
  npm start                            (in Parley's repository) the report, then its scenarios/`,
    )
    .action(async (dir: string | undefined, o: { port?: number; open?: string; maxFileSize?: number }) => {
      // The current folder by default, never the package's own: a global install must not save into itself.
      const folder = resolve(dir ?? process.cwd());
      let server;
      try {
        server = await startServer({
          dir: folder,
          ...(o.port ? { port: o.port } : {}),
          ...(o.open ? { defaultFile: o.open } : {}),
          ...(o.maxFileSize ? { maxFileBytes: o.maxFileSize } : {}),
        });
      } catch (e) {
        if (e instanceof WorkspaceError) throw new ParleyError({ code: e.code, message: e.message });
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE")
          throw new ParleyError({ code: "port-in-use", message: `port ${o.port} is in use; choose another with --port, or leave it out for a free one` });
        throw e;
      }
      env.io.stdout(`Parley workbench: ${server.url}\nServing ${folder} — press Ctrl-C to stop.\n`);
      await new Promise<void>((done) => {
        const release = env.io.onInterrupt?.(() => {
          release?.();
          void server.close().then(done);
        });
        if (!release) void server.close().then(done); // no way to be interrupted: do not hang
      });
      env.io.stderr("workbench stopped\n");
    });
}
