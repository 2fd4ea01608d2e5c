/** The thread a command runs on (see main.ts): runs it and tells the main thread its exit code and temporary files. */
import { parentPort, workerData } from "node:worker_threads";
import { onTemporaryFile } from "./io.js";
import { run } from "./run.js";

onTemporaryFile((tmp) => parentPort!.postMessage({ t: "temp", tmp }));
const code = await run((workerData as { argv: string[] }).argv);
parentPort!.postMessage({ t: "done", code });
