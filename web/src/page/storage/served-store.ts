/** The served back-end: the scenario files of the folder `parley serve` was started on, through its API. */
import { Api, type Session } from "../clients/api.js";
import type { FileContent, FileEntry, ScenarioStore, WriteOptions } from "./store.js";

export class ServedStore implements ScenarioStore {
  readonly words = { place: "the folder", changedWhere: "on disk", saved: "the file on disk" };
  readonly changedByOthers = true;
  private readonly api = new Api();
  private session: Session | null = null;

  /** The server's session: its folder, its default file, the token saves need. */
  async connect(): Promise<void> {
    this.session = await this.api.session();
  }

  get id(): string {
    return this.session?.dir ?? "";
  }

  get defaultFile(): string | null {
    return this.session?.defaultFile ?? null;
  }

  get description(): string {
    return `The folder ${this.id}`;
  }

  files(): Promise<FileEntry[]> {
    return this.api.files();
  }

  read(path: string): Promise<FileContent> {
    return this.api.read(path);
  }

  write(path: string, text: string, opts: WriteOptions = {}): Promise<{ path: string; etag: string }> {
    return this.api.write(path, text, opts);
  }

  appendForecast(path: string, lines: string) {
    return this.api.appendForecast(path, lines);
  }
}
