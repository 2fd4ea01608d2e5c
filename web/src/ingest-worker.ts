/**
 * `parley ingest` in a Web Worker of its own, started the first time the
 * Ingest view reads an article: wink-nlp's English model is a few megabytes
 * to load, which neither the page nor the engine's worker should carry until
 * someone asks for it. The built-in gazetteer (data/gazetteer.yaml) comes
 * with the bundle.
 */
import gazetteerText from "../../data/gazetteer.yaml?raw";
import { ingestFailure, ingestView, loadGazetteer, type Gazetteer } from "./engine/ingest.js";
import type { IngestReply, IngestRequest } from "./ingest-protocol.js";

const scope = self as unknown as { postMessage(message: IngestReply): void };
let gazetteer: Gazetteer | undefined;

self.onmessage = (event: MessageEvent<IngestRequest>) => {
  const { id, ...req } = event.data;
  try {
    gazetteer ??= loadGazetteer(gazetteerText);
    scope.postMessage({ id, ok: true, view: ingestView(req, gazetteer) });
  } catch (e) {
    scope.postMessage({ id, ok: false, ...ingestFailure(e) });
  }
};
