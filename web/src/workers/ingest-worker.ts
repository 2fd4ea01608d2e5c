/**
 * `parley ingest` in a Web Worker of its own, started the first time the
 * Ingest view reads an article: wink-nlp's English model is a few megabytes
 * to load, which neither the page nor the engine's worker should carry until
 * someone asks for it. The built-in gazetteer (data/gazetteer.yaml) comes
 * with the bundle; a user's gazetteer (picked in the page) goes on top of it,
 * read once and kept while the same file is in use.
 */
import gazetteerText from "../../../data/gazetteer.yaml?raw";
import { ingestFailure, ingestView, loadGazetteer, userGazetteer, type Gazetteer } from "./engine/ingest.js";
import type { GazetteerCheck, GazetteerInfo, IngestReply, IngestRequest, UserGazetteer } from "../protocol/ingest.js";

const scope = self as unknown as { postMessage(message: IngestReply): void };
let builtIn: Gazetteer | undefined;
let last: { text: string; file: string; gazetteer: Gazetteer; info: GazetteerInfo } | undefined;

function withUser(user: UserGazetteer): { gazetteer: Gazetteer; info: GazetteerInfo } {
  builtIn ??= loadGazetteer(gazetteerText);
  if (last?.text === user.text && last.file === user.file) return last;
  const r = userGazetteer(builtIn, user);
  last = { ...user, ...r };
  return r;
}

self.onmessage = (event: MessageEvent<IngestRequest | GazetteerCheck>) => {
  const msg = event.data;
  const { id } = msg;
  try {
    if ("check" in msg) {
      scope.postMessage({ id, ok: true, gazetteer: withUser(msg.check).info });
      return;
    }
    const { id: _, gazetteer: user, ...req } = msg;
    builtIn ??= loadGazetteer(gazetteerText);
    const g = user ? withUser(user).gazetteer : builtIn;
    scope.postMessage({ id, ok: true, view: ingestView(req, g, undefined, user ? `built-in + ${user.file}` : "built-in") });
  } catch (e) {
    scope.postMessage({ id, ok: false, ...ingestFailure(e) });
  }
};
