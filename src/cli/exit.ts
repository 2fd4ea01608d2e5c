/** Ends a command with an exit code after it has printed its own messages. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * Thrown by the scenario loader of a command run on the main thread (see
 * main.ts) when the model turns out larger than such a run is for: nothing has
 * been printed yet, and the command starts again on a thread of its own.
 */
export class RunOnThread extends Error {
  constructor() {
    super("run on a thread");
  }
}
