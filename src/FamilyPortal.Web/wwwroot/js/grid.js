// Progressive enhancement of the week grid: a click on a cell updates the grid and the basket in place
// instead of reloading the page. Without JavaScript the same buttons post the form and the page reloads.
(() => {
  "use strict";

  const swap = (doc, selector) => {
    const fresh = doc.querySelector(selector);
    const old = document.querySelector(selector);
    if (fresh && old) {
      old.replaceWith(fresh);
    }
  };

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    const button = event.submitter;
    if (!(form instanceof HTMLFormElement) || !form.matches("[data-grid-form]") || !button || button.name !== "cellule") {
      return;
    }
    event.preventDefault();
    const data = new FormData(form);
    data.append(button.name, button.value);
    const focusId = button.id;
    form.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      ["#grille", "#panier", "#messages"].forEach((selector) => swap(doc, selector));
      const again = focusId ? document.getElementById(focusId) : null;
      if (again) {
        again.focus();
      }
    } catch {
      form.removeAttribute("aria-busy");
      HTMLFormElement.prototype.submit.call(form);
    }
  });

  // « Valider »: one click is enough; the server applies a basket once anyway.
  document.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (button && button.hasAttribute("data-once")) {
      setTimeout(() => { button.disabled = true; }, 0);
    }
  });
})();
