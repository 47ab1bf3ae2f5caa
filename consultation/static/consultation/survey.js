/* Survey enhancements; the form works fully without this script.
   - Display conditions applied live (the server applies them again).
   - Ranking: move options with buttons (keyboard) or by drag and drop; the
     position selects stay the source of truth that is posted.
   - "At most N answers": once N boxes are ticked, the others are disabled and a
     status says why (the server refuses more than N as well). */
(function () {
  "use strict";

  function valuesOf(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.value.trim() !== "") values.push(input.value);
    });
    return values;
  }

  function shown(form, block) {
    var values = valuesOf(form, block.dataset.conditionName);
    var expected = block.dataset.conditionValue;
    switch (block.dataset.conditionOperator) {
      case "answered": return values.length > 0;
      case "not_answered": return values.length === 0;
      case "equals": return values.indexOf(expected) !== -1;
      case "not_equals": return values.indexOf(expected) === -1;
      default: return true;
    }
  }

  function applyConditions(form) {
    form.querySelectorAll("[data-condition-name]").forEach(function (block) {
      if (!form.querySelector('[name="' + block.dataset.conditionName + '"]')) return;
      block.hidden = !shown(form, block);
      // Seen live: the server need not show the page again to ask it.
      var unseen = block.querySelector("[data-unseen]");
      if (unseen) unseen.disabled = !block.hidden;
    });
  }

  function renumber(list) {
    var items = list.querySelectorAll(".ranking-item");
    items.forEach(function (item, index) {
      var select = item.querySelector("select");
      if (select) select.value = String(index + 1);
      // Nothing moves above the first or below the last: say so by disabling.
      var buttons = item.querySelectorAll(".ranking-move");
      if (buttons.length === 2) {
        buttons[0].disabled = index === 0;
        buttons[1].disabled = index === items.length - 1;
      }
    });
  }

  function moveButton(label, handler) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ranking-move";
    button.textContent = label;
    button.addEventListener("click", handler);
    return button;
  }

  // The new position is announced: a moved option is otherwise silent.
  function announce(list, live, item, name) {
    var items = Array.prototype.slice.call(list.querySelectorAll(".ranking-item"));
    var template = list.closest("form").dataset.labelMoved || "__label__: __position__/__total__";
    live.textContent = template
      .replace("__label__", name)
      .replace("__position__", String(items.indexOf(item) + 1))
      .replace("__total__", String(items.length));
  }

  function enhanceRanking(list) {
    var up = list.closest("form").dataset.labelUp || "↑";
    var down = list.closest("form").dataset.labelDown || "↓";
    var dragged = null;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("data-ranking-live", "");
    list.parentNode.insertBefore(live, list.nextSibling);
    list.querySelectorAll(".ranking-item").forEach(function (item) {
      var name = item.querySelector("label").textContent;
      var upButton, downButton;
      function moved(button, other) {
        renumber(list);
        (button.disabled ? other : button).focus();
        announce(list, live, item, name);
      }
      upButton = moveButton(up, function () {
        if (item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
        moved(upButton, downButton);
      });
      upButton.setAttribute("aria-label", up + " " + name);
      downButton = moveButton(down, function () {
        if (item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
        moved(downButton, upButton);
      });
      downButton.setAttribute("aria-label", down + " " + name);
      item.appendChild(upButton);
      item.appendChild(downButton);
      item.draggable = true;
      item.addEventListener("dragstart", function () { dragged = item; });
      item.addEventListener("dragover", function (event) { event.preventDefault(); });
      item.addEventListener("drop", function (event) {
        event.preventDefault();
        if (dragged && dragged !== item) list.insertBefore(dragged, item);
        renumber(list);
        if (dragged) announce(list, live, dragged, dragged.querySelector("label").textContent);
      });
    });
    // The first option cannot move up, nor the last down.
    var items = list.querySelectorAll(".ranking-item");
    items.forEach(function (item, index) {
      var pair = item.querySelectorAll(".ranking-move");
      pair[0].disabled = index === 0;
      pair[1].disabled = index === items.length - 1;
    });
  }

  function applyLimit(fieldset) {
    var max = parseInt(fieldset.dataset.maxChoices, 10);
    var boxes = fieldset.querySelectorAll('input[type="checkbox"]');
    var ticked = fieldset.querySelectorAll('input[type="checkbox"]:checked').length;
    var full = ticked >= max;
    boxes.forEach(function (box) { if (!box.checked) box.disabled = full; });
    var status = fieldset.querySelector("[data-max-status]");
    var form = fieldset.closest("form");
    if (status) status.textContent = full ? form.dataset.labelMaxReached || "" : "";
  }

  document.querySelectorAll("form.survey-form").forEach(function (form) {
    applyConditions(form);
    form.querySelectorAll("[data-max-choices]").forEach(applyLimit);
    form.addEventListener("change", function (event) {
      applyConditions(form);
      var limited = event.target.closest && event.target.closest("[data-max-choices]");
      if (limited) applyLimit(limited);
    });
    form.querySelectorAll(".ranking-list").forEach(enhanceRanking);
  });
})();
