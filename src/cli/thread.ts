/** The thread a command runs on (see main.ts): runs it and tells the main thread its exit code and temporary files. */
import { parentPort, workerData } from "node:worker_threads";
import { onTemporaryFile, setInterruptFlag } from "./io.js";
import { run } from "./run.js";

const data = workerData as { argv: string[]; interrupted: Int32Array };
onTemporaryFile((tmp) => parentPort!.postMessage({ t: "temp", tmp }));
setInterruptFlag(data.interrupted);
const code = await run(data.argv);
parentPort!.postMessage({ t: "done", code });
