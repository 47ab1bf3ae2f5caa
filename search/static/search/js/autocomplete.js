/* Search suggestions: an ARIA 1.2 combobox over a plain search form.
   Without JavaScript the form submits as usual. No inline code (CSP). */
(function () {
  "use strict";

  function debounce(fn, delay) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, delay);
    };
  }

  function enhance(input) {
    var url = input.getAttribute("data-autocomplete-url");
    if (!url || !window.fetch) { return; }
    var wrapper = input.parentNode;
    var listId = input.id + "-suggestions";
    var hintId = input.id + "-hint";
    var list = document.createElement("ul");
    var hint = document.createElement("p");
    var status = document.createElement("p");
    var active = -1;
    var items = [];
    var controller = null;

    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.className = "search-suggestions";
    list.hidden = true;
    hint.id = hintId;
    hint.className = "visually-hidden";
    hint.textContent = input.getAttribute("data-autocomplete-hint") || "";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-describedby", hintId);
    wrapper.appendChild(hint);
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (item, position) {
        item.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function announce(count) {
      var one = input.getAttribute("data-autocomplete-count-one");
      var many = input.getAttribute("data-autocomplete-count-many") || "";
      status.textContent = count === 1 ? one : String(count) + " " + many;
    }

    function show(results) {
      list.textContent = "";
      items = results.map(function (result, index) {
        var option = document.createElement("li");
        var kind = document.createElement("span");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", result.url);
        option.textContent = result.title + " ";
        kind.className = "search-suggestion-kind";
        kind.textContent = result.kind;
        option.appendChild(kind);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { window.location.assign(result.url); });
        list.appendChild(option);
        return option;
      });
      announce(items.length);
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      active = -1;
    }

    var fetchSuggestions = debounce(function (value) {
      if (controller) { controller.abort(); }
      if (value.trim().length < 2) { close(); return; }
      controller = window.AbortController ? new AbortController() : null;
      var address = url + "?q=" + encodeURIComponent(value);
      fetch(address, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { show(data.results || []); })
        .catch(function () { /* aborted or offline: the form still works */ });
    }, 200);

    input.addEventListener("input", function () { fetchSuggestions(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.assign(items[active].getAttribute("data-url"));
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function init() {
    Array.prototype.forEach.call(
      document.querySelectorAll("input[data-autocomplete-url]"), enhance
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
