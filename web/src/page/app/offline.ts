/**
 * The static site offline: registers the service worker (web/src/offline/,
 * built into sw.js with the list of the site's files) and says in the top
 * bar once every file is kept by the browser, so the page opens and works
 * with no network.
 */
import { byId } from "../widgets/dom.js";

export async function goOffline(): Promise<void> {
  const note = byId("offline-status");
  note.hidden = false;
  if (!("serviceWorker" in navigator)) {
    note.textContent = "Online only";
    note.title = "This browser cannot keep the site for offline use here (service workers need https or localhost).";
    return;
  }
  note.textContent = "Saving for offline use…";
  note.title = "The browser is keeping a copy of every file of the workbench.";
  try {
    await navigator.serviceWorker.register("./sw.js");
    await navigator.serviceWorker.ready;
    note.textContent = "Works offline";
    note.title = "Every file of the workbench is kept in this browser: it opens and works without a network. Your scenarios stay in this browser too.";
    note.classList.add("ok");
  } catch (e) {
    note.textContent = "Online only";
    note.title = `The browser did not keep the site for offline use: ${(e as Error).message}`;
  }
}
