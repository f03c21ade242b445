// Pointage offline: the pointage page and the files it uses are answered from the network when there is one,
// and from the copy kept on this device when there is not. Only the pointage page registers this worker
// (scope /admin/pointage); marks are queued by the page itself (IndexedDB), never by this worker.
'use strict';
var CACHE = 'pointage-v1';

self.addEventListener('install', function () {
    self.skipWaiting();
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (key) { return key.indexOf('pointage-') === 0 && key !== CACHE; })
            .map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
        return;
    }
    event.respondWith(fetch(request).then(function (response) {
        if (response.redirected && request.mode === 'navigate') {
            // Signed out: the copy of the list no longer belongs on this device.
            caches.delete(CACHE);
        } else if (response.ok && !response.redirected) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
    }).catch(function () {
        return caches.open(CACHE).then(function (cache) { return cache.match(request); }).then(function (kept) {
            return kept || new Response('Hors ligne : cette page n’a pas encore été gardée sur cet appareil.', {
                status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' }
            });
        });
    }));
});
