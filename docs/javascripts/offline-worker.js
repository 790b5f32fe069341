// The offline copy: a service worker, published as the site's sw.js by hooks/offline.py, which puts
// `const PRECACHE = {build, files}` in front of this text. Each build's files are kept in a cache
// of their own, and a page is only ever answered from one cache: a reader never gets a page of one
// build with the stylesheet of another. A new build is a new sw.js; the browser installs it beside
// this one, and it takes over when the reader reloads (docs/javascripts/offline.js offers that) or
// once every tab of the site is closed.
/* global PRECACHE */

// One site among others on the same host (GitHub Pages: one host per user): its caches only.
const CACHE_PREFIX = "offline " + self.registration.scope + " ";
const CACHE = CACHE_PREFIX + PRECACHE.build;
const NOT_FOUND_PAGE = "404.html";

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  // "no-cache": revalidated with the server, so that no file comes from an earlier build kept in
  // the HTTP cache (GitHub Pages lets a browser keep files for ten minutes).
  const requests = PRECACHE.files.map((path) => new Request(new URL(path, self.registration.scope), { cache: "no-cache" }));
  await cache.addAll(requests);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const older = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
      await Promise.all(older.map((name) => caches.delete(name)));
      // The page of a first visit came from the network: from now on its instant navigation
      // (Material fetches the next page) is answered here, offline too.
      await self.clients.claim();
    })(),
  );
});

// The reader chose to reload into the new build (docs/javascripts/offline.js).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method === "GET" && request.url.startsWith(self.registration.scope)) {
    event.respondWith(respond(request));
  }
});

async function respond(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  const isPage = request.mode === "navigate";
  // A page's address may carry a query (the glossary's ?q=): the page is the same file.
  // caches.match, not caches.open: a cache emptied away (hooks/notekit/offline.py) stays away.
  const kept = await caches.match(url.href, { cacheName: CACHE, ignoreSearch: isPage, ignoreVary: true });
  if (kept) return kept;
  try {
    const response = await fetch(request);
    // A PDF stands alone, so keeping the one of a newer build mixes nothing. Only whole files:
    // Chromium's PDF viewer may ask for parts (206).
    if (response.status === 200 && response.type === "basic" && url.pathname.endsWith(".pdf")) {
      await (await caches.open(CACHE)).put(url.href, response.clone());
    }
    return response;
  } catch (offline) {
    const notFoundPage = new URL(NOT_FOUND_PAGE, self.registration.scope).href;
    const notFound = isPage && (await caches.match(notFoundPage, { cacheName: CACHE }));
    if (!notFound) throw offline;
    return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  }
}
