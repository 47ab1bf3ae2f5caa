// Survey editor: the "choice" of a display condition lists the choices of every
// earlier question; once a question is picked beside it, only that question's
// choices are offered. Without this script, all stay listed as "Question → Choice"
// and the server refuses a choice of another question.
(function () {
  "use strict";

  function sync(question) {
    var prefix = question.name.replace(/condition_question$/, "");
    var choice = document.querySelector('select[name="' + prefix + 'condition_choice"]');
    if (!choice) return;
    choice.querySelectorAll("option[data-question]").forEach(function (option) {
      var other = option.dataset.question !== question.value;
      option.hidden = other;
      option.disabled = other;
      if (other && option.selected) choice.value = "";
    });
  }

  function syncAll() {
    document.querySelectorAll('select[name$="-condition_question"]').forEach(sync);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches('select[name$="-condition_question"]')) sync(target);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", syncAll);
  } else {
    syncAll();
  }
})();
