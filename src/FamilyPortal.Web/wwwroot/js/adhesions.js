// « Mes réservations »: opens « Adhésion aux collectivités » as a dialog over the page. Without this
// script (or without <dialog> support) the link simply opens the /adhesions page.
(function () {
  'use strict';
  var dialog = document.getElementById('adhesions-dialog');
  if (!dialog || typeof dialog.showModal !== 'function') {
    return;
  }
  var opener = null;

  document.querySelectorAll('[data-opens-adhesions]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      opener = link;
      dialog.showModal();
      var field = dialog.querySelector('input[name="Code"]');
      if (field) {
        field.focus();
      }
    });
  });

  // « Fermer » is a link back to « Mes réservations » on the page; in the dialog it just closes it.
  dialog.querySelectorAll('[data-closes-dialog]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      dialog.close();
    });
  });

  dialog.addEventListener('close', function () {
    if (opener) {
      opener.focus();
    }
  });
})();
