// Service worker: keeps the app working offline after the first visit. Written by sitegen at
// build time with this release's version and file list. One cache per release: a new release
// installs its own complete cache and the old one is deleted on activation, so old and new files
// never mix (asset names carry content hashes).
const VERSION = '__VERSION__';
const CACHE = 'azby-' + VERSION;
const BASE = new URL('./', self.location).pathname;
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => BASE + f)))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('azby-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // Only ever read this release's cache (`caches.match` with a cacheName never creates one, so
  // a worker being replaced cannot bring back the cache its successor deleted).
  const cached = (what, opts = {}) => caches.match(what, { cacheName: CACHE, ...opts });
  if (req.mode === 'navigate') {
    // Pages: the network when there is one, else this release's copy, else the app shell.
    event.respondWith(
      fetch(req).catch(async () => {
        const path = url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname;
        return (await cached(path)) || (await cached(path + '/index.html')) || (await cached(BASE + 'index.html'));
      })
    );
    return;
  }
  // Assets and data: this release's cache first, then the network.
  event.respondWith(cached(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
