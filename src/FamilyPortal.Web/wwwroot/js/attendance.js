// Pointage: each mark is first kept on the device (IndexedDB), then sent with the time it was taken; without
// a network the marks wait and leave as soon as it is back. The page keeps working as plain forms without this.
(function () {
    'use strict';
    var list = document.querySelector('[data-pointage-liste]');
    var status = document.getElementById('pointage-etat');
    if (!list || !status || !window.indexedDB || !window.fetch || !window.JSON) {
        return;
    }
    var tokenField = document.querySelector('input[name="__RequestVerificationToken"]');
    var token = tokenField ? tokenField.value : '';
    var labels = { present: 'Présent', absent: 'Absent', arrive: 'Arrivé', parti: 'Parti' };
    var dbPromise = null;
    var sending = false;
    var unreachable = false;
    var refused = [];

    function openDb() {
        if (!dbPromise) {
            dbPromise = new Promise(function (resolve, reject) {
                var request = indexedDB.open('pointage', 1);
                request.onupgradeneeded = function () { request.result.createObjectStore('queue', { keyPath: 'id' }); };
                request.onsuccess = function () { resolve(request.result); };
                request.onerror = function () { reject(request.error); };
            });
        }
        return dbPromise;
    }

    function store(mode, work) {
        return openDb().then(function (db) {
            return new Promise(function (resolve, reject) {
                var tx = db.transaction('queue', mode);
                var result = work(tx.objectStore('queue'));
                tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
                tx.onerror = function () { reject(tx.error); };
            });
        });
    }

    function pending() { return store('readonly', function (queue) { return queue.getAll(); }); }

    function newId() {
        return window.crypto && crypto.randomUUID ? crypto.randomUUID()
            : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    }

    function showStatus(count) {
        var text;
        if (!navigator.onLine || unreachable) {
            text = 'hors ligne — ' + count + (count > 1 ? ' pointages en attente d\'envoi' : ' pointage en attente d\'envoi');
        } else if (count > 0) {
            text = count + (count > 1 ? ' pointages en attente d\'envoi…' : ' pointage en attente d\'envoi…');
        } else {
            text = 'En ligne — tous les pointages sont enregistrés.';
        }
        if (refused.length > 0) {
            text += ' Refusé(s) : ' + refused.join(' ');
        }
        if (status.textContent !== text) {
            status.textContent = text;
        }
    }

    function describe(mark, pending) {
        var text = labels[mark.action] || mark.action;
        if (mark.action === 'absent') {
            var select = document.getElementById('motif-' + mark.enfant);
            var option = select && select.querySelector('option[value="' + mark.motif + '"]');
            text += ' (' + (option ? option.textContent : mark.motif) + ')';
        }
        if (mark.heure) {
            text += ' à ' + mark.heure;
        }
        return pending ? text + ' — en attente d\'envoi' : text;
    }

    function showPending(marks) {
        marks.forEach(function (mark) {
            if (String(mark.prestation) !== list.getAttribute('data-prestation') || mark.jour !== list.getAttribute('data-jour')) {
                return;
            }
            var item = document.getElementById('enfant-' + mark.enfant);
            var line = item && item.querySelector('[data-statut]');
            if (line) {
                line.textContent = describe(mark, true);
            }
        });
    }

    function showSent(mark, text) {
        var item = String(mark.prestation) === list.getAttribute('data-prestation') && mark.jour === list.getAttribute('data-jour')
            ? document.getElementById('enfant-' + mark.enfant) : null;
        var line = item && item.querySelector('[data-statut]');
        if (line) {
            line.textContent = text;
        }
    }

    function refresh() {
        return pending().then(function (marks) {
            marks.sort(function (a, b) { return a.prisLe < b.prisLe ? -1 : 1; });
            showPending(marks);
            showStatus(marks.length);
            return marks;
        });
    }

    // The page and every file it uses, so that it opens again without a network.
    function keepPageCopy() {
        if (!window.caches || !navigator.onLine) {
            return;
        }
        var files = [location.href];
        document.querySelectorAll('link[rel~="stylesheet"][href], link[rel~="icon"][href], script[src], img[src]').forEach(function (element) {
            files.push(element.href || element.src);
        });
        caches.open('pointage-v1').then(function (cache) { return cache.addAll(files); }).catch(function () { });
    }

    function send() {
        if (sending || !navigator.onLine) {
            return refresh();
        }
        sending = true;
        return refresh().then(function (marks) {
            if (marks.length === 0) {
                return null;
            }
            return fetch('/admin/pointage?handler=Marks', {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
                body: JSON.stringify({ marks: marks.slice(0, 500) })
            }).then(function (response) {
                unreachable = false;
                if (!response.ok || response.redirected) {
                    return null;
                }
                return response.json().then(function (answer) {
                    return store('readwrite', function (queue) {
                        (answer.resultats || []).forEach(function (result) {
                            if (result && result.id) {
                                var sent = marks.filter(function (m) { return m.id === result.id; })[0];
                                if (sent && result.etat === 'applique') {
                                    showSent(sent, describe(sent, false));
                                }
                                if (result.etat === 'refuse' && result.message) {
                                    refused.push(result.message);
                                }
                                queue.delete(result.id);
                            }
                        });
                    }).then(keepPageCopy);
                });
            });
        }).catch(function () { unreachable = true; }).then(function () {
            sending = false;
            return refresh();
        });
    }

    list.addEventListener('submit', function (event) {
        var form = event.target;
        var button = event.submitter;
        if (!form.hasAttribute('data-pointage-form') || !button || !button.value) {
            return;
        }
        var item = form.closest('[data-enfant]');
        var motif = form.querySelector('select[name="motif"]');
        var heure = form.querySelector('input[name="heure"]');
        var mark = {
            id: newId(),
            enfant: Number(item.getAttribute('data-enfant')),
            prestation: Number(list.getAttribute('data-prestation')),
            jour: list.getAttribute('data-jour'),
            action: button.value,
            motif: button.value === 'absent' && motif ? motif.value : null,
            heure: (button.value === 'arrive' || button.value === 'parti') && heure && heure.value ? heure.value : null,
            prisLe: new Date().toISOString()
        };
        if (mark.action === 'absent' && !mark.motif) {
            // The server says the same; the form goes to it with its message.
            return;
        }
        event.preventDefault();
        store('readwrite', function (queue) { queue.put(mark); }).then(send, function () {
            // No storage on this device: the form goes to the server as without the script.
            var field = document.createElement('input');
            field.type = 'hidden';
            field.name = 'action';
            field.value = mark.action;
            form.appendChild(field);
            form.submit();
        });
    });

    // A child who was not booked is added by a late booking that only the town hall's server can make: without
    // a network the section says so, instead of leaving the list for an error page.
    var walkIn = document.querySelector('[data-pointage-ajout]');
    var walkInStatus = document.getElementById('pointage-ajout-etat');
    if (walkIn && walkInStatus) {
        walkIn.addEventListener('submit', function (event) {
            if (!navigator.onLine || unreachable) {
                event.preventDefault();
                walkInStatus.textContent = 'Hors ligne : l\'ajout d\'un enfant non réservé attend le retour du réseau. '
                    + 'Les pointages de la liste restent gardés sur cet appareil.';
            }
        });
        window.addEventListener('online', function () { walkInStatus.textContent = ''; });
    }

    window.addEventListener('online', send);
    window.addEventListener('offline', refresh);
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/pointage-sw.js', { scope: '/admin/pointage' }).then(keepPageCopy).catch(function () { });
    }
    send();
    setInterval(send, 30000);
})();
