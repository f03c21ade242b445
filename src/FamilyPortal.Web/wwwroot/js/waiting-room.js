// « File d'attente »: asks the server after the delay it chose whether the sign-in's turn has come, and puts
// the new position in the status line (announced by screen readers) without reloading the page; once the
// check is done, the page reloads and the server completes the sign-in. Without the script, « Actualiser
// maintenant » does the same.
(function () {
  "use strict";
  var room = document.querySelector(".waiting-room");
  if (!room) { return; }
  var status = room.querySelector(".waiting-status");
  function ask(delay) {
    window.setTimeout(function () {
      fetch(window.location.pathname + "?handler=Etat", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
        .then(function (response) {
          var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
          if (response.redirected || !response.ok || !json) { window.location.reload(); return null; }
          return response.json();
        })
        .then(function (state) {
          if (!state) { return; }
          if (state.ready) { window.location.reload(); return; }
          if (status && status.textContent.trim() !== state.status) { status.textContent = state.status; }
          ask(state.refresh || 5);
        })
        .catch(function () { ask(5); });
    }, delay * 1000);
  }
  ask(parseInt(room.getAttribute("data-refresh"), 10) || 5);
})();
