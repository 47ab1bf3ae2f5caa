// Wagtail's tag field (jQuery tag-it) makes the input people type into, without a
// label: a screen reader announced an unnamed text box. Name it after the field's
// own label (WCAG 1.3.1, 4.1.2). Tag-it starts when its controller connects, which
// may be after this script runs (panels, modals): watch for it.
(function () {
  "use strict";

  function labelTagInputs(root) {
    root.querySelectorAll('input[data-controller~="w-tag"]').forEach(function (field) {
      var label = document.querySelector('label[for="' + field.id + '"]');
      var list = field.parentElement && field.parentElement.querySelector("ul.tagit");
      var typed = list && list.querySelector("li.tagit-new input");
      if (!label || !typed || typed.hasAttribute("aria-labelledby")) return;
      if (!label.id) label.id = field.id + "-label";
      typed.setAttribute("aria-labelledby", label.id);
    });
  }

  function start() {
    labelTagInputs(document);
    new MutationObserver(function () {
      labelTagInputs(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
