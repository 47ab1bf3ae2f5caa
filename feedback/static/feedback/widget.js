// The feedback widget, enhanced: it posts without leaving the page, shows the
// questions that follow "Yes" or "No", and counts characters. Without this file
// the same form posts normally and the page comes back with a thank-you.
(function () {
  "use strict";

  var widget = document.querySelector("[data-feedback-widget]");
  var form = widget && widget.querySelector("[data-feedback-form]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var details = form.querySelector("[data-feedback-details]");
  var live = form.querySelector("[data-feedback-live]");
  var summary = form.querySelector("[data-feedback-errors]");
  var button = form.querySelector("button[type=submit]");
  var text = widget.dataset;
  var announceTimer = null;

  function say(message) {
    // Emptied first so that the same sentence is announced again.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function chosenAnswer() {
    var checked = form.querySelector("[data-feedback-answer]:checked");
    return checked ? checked.value : null;
  }

  function showReasonsFor(answer) {
    form.querySelectorAll("[data-feedback-reasons]").forEach(function (group) {
      var matches = group.getAttribute("data-feedback-reasons") === answer;
      group.hidden = !matches;
      group.querySelectorAll("input").forEach(function (input) {
        input.disabled = !matches;
        if (!matches) { input.checked = false; }
      });
    });
  }

  function onAnswer() {
    var answer = chosenAnswer();
    var wasHidden = details.hidden;
    showReasonsFor(answer);
    details.hidden = false;
    if (wasHidden) { say(text.msgDetails); }
  }

  function remaining(textarea) {
    return Number(textarea.getAttribute("maxlength")) - textarea.value.length;
  }

  function counterText(count) {
    var template = count === 1 ? text.msgRemainingOne : text.msgRemainingOther;
    return template.replace("__count__", String(count));
  }

  function updateCounter(textarea, announce) {
    var counter = document.getElementById(textarea.id + "-counter");
    var message = counterText(remaining(textarea));
    counter.hidden = false;
    counter.textContent = message;
    if (announce) {
      // Announced once typing pauses, not at every key.
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(function () { say(message); }, 900);
    }
  }

  function clearErrors() {
    summary.hidden = true;
    summary.querySelector("ul").innerHTML = "";
    form.querySelectorAll("[data-feedback-error]").forEach(function (node) {
      node.remove();
    });
    form.querySelectorAll("[data-feedback-described]").forEach(function (node) {
      node.removeAttribute("aria-invalid");
      node.removeAttribute("data-feedback-described");
      var described = (node.getAttribute("aria-describedby") || "")
        .split(" ").filter(function (id) { return id && id.slice(-6) !== "-error"; });
      if (described.length) {
        node.setAttribute("aria-describedby", described.join(" "));
      } else {
        node.removeAttribute("aria-describedby");
      }
    });
  }

  function fieldFor(name) {
    if (name === "found") { return form.querySelector("#feedback-found-yes"); }
    if (name === "reason" || name === "rating") {
      return form.querySelector("[name=" + name + "]:not([disabled])");
    }
    return form.querySelector("#feedback-" + name);
  }

  function markField(name, message) {
    var field = fieldFor(name);
    if (!field) { return null; }
    var target = field.type === "radio" ? field.closest("fieldset") : field;
    var error = document.createElement("p");
    error.className = "error-message";
    error.id = "feedback-" + name + "-error";
    error.setAttribute("data-feedback-error", "");
    error.textContent = message;
    if (field.type === "radio") {
      target.querySelector("legend").after(error);
    } else {
      field.before(error);
      field.setAttribute("aria-invalid", "true");
    }
    var described = target.getAttribute("aria-describedby");
    target.setAttribute("aria-describedby", (described ? described + " " : "") + error.id);
    target.setAttribute("data-feedback-described", "");
    return field.id;
  }

  function showErrors(message, errors) {
    var list = summary.querySelector("ul");
    var entries = Object.keys(errors || {});
    if (!entries.length) { entries = ["__all__"]; errors = { __all__: [message] }; }
    entries.forEach(function (name) {
      errors[name].forEach(function (error) {
        var item = document.createElement("li");
        var id = name === "__all__" ? null : markField(name, error);
        if (id) {
          var link = document.createElement("a");
          link.href = "#" + id;
          link.textContent = error;
          item.appendChild(link);
        } else {
          item.textContent = error;
        }
        list.appendChild(item);
      });
    });
    summary.hidden = false;
    summary.focus();
  }

  function thank(html) {
    form.insertAdjacentHTML("beforebegin", html);
    var thanks = widget.querySelector("[data-feedback-thanks]");
    form.remove();
    thanks.focus();
  }

  function send(event) {
    event.preventDefault();
    clearErrors();
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.status === "ok") {
          thank(data.html);
        } else {
          showErrors(data.message, data.errors);
        }
      })
      .catch(function () { showErrors(text.msgNetwork); })
      .finally(function () { button.disabled = false; });
  }

  if (!chosenAnswer() && !summary.querySelector("li")) {
    details.hidden = true;
  } else {
    showReasonsFor(chosenAnswer());
  }
  form.querySelectorAll("[data-feedback-answer]").forEach(function (input) {
    input.addEventListener("change", onAnswer);
  });
  form.querySelectorAll("[data-feedback-count]").forEach(function (textarea) {
    updateCounter(textarea, false);
    textarea.addEventListener("input", function () { updateCounter(textarea, true); });
  });
  form.addEventListener("submit", send);
})();
