// The Share control's copy buttons. Without this script the link and embed codes stay in
// readonly fields a reader can select and copy; with it, each button copies its field.
// Listeners sit on the document, so Share controls that htmx swaps in later work too.
(function () {
  "use strict";

  document.documentElement.classList.add("js-share");

  function copy(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function say(button, text) {
    const status = button.closest(".share").querySelector(".share-status");
    if (status) { status.textContent = text; }
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest(".share-copy[data-copy]");
    if (!button) { return; }
    const field = document.getElementById(button.dataset.copy);
    if (!field) { return; }
    copy(field).then(
      function () { say(button, "Copied: " + button.textContent.replace(/^Copy /, "") + "."); },
      function () { field.select(); say(button, "Press Ctrl+C (or ⌘C) to copy the selected text."); }
    );
  });

  // A click in a readonly field selects all of it: the whole code is what anyone wants.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches(".share-field input, .share-field textarea")) { event.target.select(); }
  });
})();
