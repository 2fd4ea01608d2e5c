/** Ends a command with an exit code after it has printed its own messages. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
