/**
 * The static site's service worker (built into dist/static/sw.js by
 * web/vite.config.ts, which puts the list of the site's files and a version
 * in front of this code): on install it keeps every file of the site in a
 * cache of its own; pages are fetched from the network when there is one
 * (so a new version shows) and from the cache when there is none; the other
 * files, whose names change with their content, come from the cache first.
 * It never touches a request to another origin (the site makes none).
 */

/** Put in front of this code at build time. */
declare const SITE_FILES: string[];
declare const SITE_VERSION: string;

/** The parts of the service worker's global scope used here (the DOM library's types do not have them). */
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (e: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE = `parley-site-${SITE_VERSION}`;
const page = () => new URL("./index.html", worker.registration.scope).href;

worker.addEventListener("install", (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SITE_FILES.map((f) => new URL(f, worker.registration.scope).href)))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("parley-site-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || new URL(req.url).origin !== worker.location.origin) return;
  if (req.mode === "navigate") {
    e.respondWith(fetch(req).catch(async () => (await caches.match(page(), { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  e.respondWith(caches.match(req, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit ?? fetch(req)));
});
