// Site-wide progressive enhancement. Everything works without this file.
document.documentElement.classList.replace("no-js", "js");

// A form sent back with errors: focus moves to the summary that lists them (GOV.UK's
// error summary), so that it is read first and each link leads to its field. Once
// more after the load: going to the form's #fragment moves focus back to the page.
(function () {
  function focusSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    var active = document.activeElement;
    if (!active || active === document.body || active === summary) summary.focus();
  }
  document.addEventListener("DOMContentLoaded", focusSummary);
  window.addEventListener("load", function () { window.setTimeout(focusSummary, 0); });
})();
