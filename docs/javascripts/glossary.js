// Glossary filter: typing narrows the entries by name, abbreviation, alias or summary, ignoring
// case and accents. The query lives in the URL (?q=ebs) so a filtered view can be shared.
// Material swaps pages without reloading (instant navigation): setting up runs on every page
// through document$, and does nothing where there is no glossary.

document$.subscribe(function () {
  var box = document.querySelector(".glossary-filter");
  var input = document.getElementById("glossary-filter-input");
  if (!box || !input) return;

  var letters = Array.prototype.slice.call(document.querySelectorAll(".glossary-letter"));
  // An entry is its heading and the paragraphs up to the next heading or letter (the page keeps
  // them flat: no wrapper element, which site search would be slow to index).
  var entries = Array.prototype.slice.call(document.querySelectorAll("h2.glossary-term")).map(function (heading) {
    var parts = [heading];
    var next = heading.nextElementSibling;
    while (next && !next.matches("h2.glossary-term, .glossary-letter")) {
      parts.push(next);
      next = next.nextElementSibling;
    }
    return { heading: heading, parts: parts, search: " " + fold(entryText(parts)).join(" ") };
  });
  var count = box.querySelector(".glossary-count");

  // What the filter compares: the entry's name, its other forms and its summary.
  function entryText(parts) {
    return parts.map(function (part) {
      if (part.matches("h2")) return part.textContent.replace(/\u00b6/g, "");  // less the permalink's ¶
      if (part.matches(".glossary-forms")) return part.textContent.replace(/^Also:/, "");
      return part.matches(".glossary-summary") ? part.textContent : "";
    }).join(" ");
  }

  // The same folding as notekit.terms.searchable().
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  // Every word of the query must start a word of the entry: "ebs" finds EBS, not "WebSocket".
  function matches(words, entry) {
    return words.every(function (word) { return entry.search.indexOf(" " + word) !== -1; });
  }

  function apply(query) {
    var words = fold(query);
    var needle = words.length > 0;
    var shown = 0;
    entries.forEach(function (entry) {
      var match = !needle || matches(words, entry);
      entry.parts.forEach(function (part) { part.hidden = !match; });
      if (match) shown += 1;
    });
    // A letter stays only while one of its entries does.
    letters.forEach(function (letter) {
      var next = letter.nextElementSibling;
      var any = false;
      while (next && !next.classList.contains("glossary-letter")) {
        if (next.matches("h2.glossary-term") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      letter.hidden = !any;
    });
    count.textContent = needle
      ? shown + " of " + entries.length + " terms match \u201c" + query.trim() + "\u201d"
      : entries.length + " terms";
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set("q", query.trim());
    else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url.toString());
  }

  var fromAddress = new URL(window.location.href).searchParams.get("q");
  // overrides/main.html moved a ?q= present on load out of Material's way, into this variable.
  var onLoad = window.glossaryQueryOnLoad;
  window.glossaryQueryOnLoad = undefined;
  input.value = (typeof onLoad === "string" ? onLoad : fromAddress) || "";
  apply(input.value);
  remember(input.value);
  input.addEventListener("input", function () {
    apply(input.value);
    remember(input.value);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) {
      event.stopPropagation();
      input.value = "";
      apply("");
      remember("");
    }
  });
});
