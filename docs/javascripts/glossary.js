// Glossary filter, as forgiving as site search (search.js); ?q= in the URL shares a view. It shows
// the entries where each query word starts a word of the name, forms, summary or readers' words
// (data-words, never shown): "s3 glacier" finds one. If none has every word but each word finds
// some, those with any ("sqs sns"), and the count line says so. A word of 5+ letters that starts
// no word is a typo: words one edit away match ("sagemker"); known words stay exact ("servers").
// No match: the closest names, and the words in site search. At most FIRST_MATCHES are shown until
// the reader asks for all: a key writes that many entries at most, whatever the glossary's size
// (hooks/notekit/glossary.py: the list set aside, no `hidden`, the URL written on a pause).
// Runs on every page through document$ (instant navigation); nothing happens off the glossary.

document$.subscribe(function () {
  var box = document.querySelector(".glossary-filter");
  var input = document.getElementById("glossary-filter-input");
  if (!box || !input) return;
  var count = box.querySelector(".glossary-count");
  var suggestions = box.querySelector(".glossary-suggestions");
  var page = box.closest("article") || document.body;
  var list = page.querySelector(".glossary-list");
  var results = page.querySelector(".glossary-results");
  // Shown until the reader asks for all: what one key may have to write.
  var FIRST_MATCHES = 100;
  var TYPO_LENGTH = 5;

  // Letters and entries in page order; each entry remembers its chunk and letter, so that it can
  // go back where it was when it leaves the results.
  var letters = [];
  var entries = [];
  // The jump bar's links, by the letter they lead to (Material makes their href absolute).
  var links = {};
  document.querySelectorAll(".glossary-letters a[href]").forEach(function (link) { links[link.hash] = link; });
  list.querySelectorAll(".glossary-letter, .glossary-chunk").forEach(function (element) {
    if (element.classList.contains("glossary-letter")) {
      var link = links["#" + element.id];
      var href = link && link.getAttribute("href");
      letters.push({ element: element, group: element.parentNode, link: link, href: href });
      return;
    }
    var letter = letters[letters.length - 1];
    var chunk = { element: element, entries: [] };
    for (var child = element.firstElementChild; child; child = child.nextElementSibling) {
      var entry = entryOf(child);
      entry.chunk = chunk;
      entry.letter = letter;
      entry.place = chunk.entries.length;
      chunk.entries.push(entry);
      entries.push(entry);
    }
  });

  function entryOf(element) {
    var heading = element.querySelector("h2");
    var forms = element.querySelector(".glossary-forms");
    var summary = element.querySelector(".glossary-summary");
    // Less the permalink's ¶.
    var name = heading.textContent.replace(/\u00b6/g, "") + " ";
    if (forms) name += forms.textContent.replace(/^Also:/, "");
    var text = [name, summary ? summary.textContent : "", element.getAttribute("data-words") || ""].join(" ");
    return {
      element: element, id: heading.id, name: heading.textContent.replace(/\u00b6/g, ""),
      names: fold(name), search: " " + fold(text).join(" ") + " "
    };
  }

  // The same folding as notekit.terms.searchable().
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  // Every word of every entry, made at the first typo.
  var vocabulary = null;
  function words() {
    if (!vocabulary) {
      var seen = {};
      entries.forEach(function (entry) { entry.search.split(" ").forEach(function (w) { seen[w] = true; }); });
      vocabulary = Object.keys(seen).filter(Boolean);
    }
    return vocabulary;
  }

  // Edits from a to b (a letter left out, added, changed, or two neighbours swapped, as lunr counts
  // them for site search: "dyanmodb" is one from "dynamodb"), given up past `most` (every caller
  // wants only near words).
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null;
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var next = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          best = Math.min(best, before[j - 2] + 1);
        }
        next.push(best);
        least = Math.min(least, best);
      }
      if (least > most) return most + 1;
      before = row;
      row = next;
    }
    return row[b.length];
  }

  // One test per query word: where it starts a word, or, for a typo, where a word one edit away is.
  function testFor(word) {
    var prefix = " " + word;
    var found = entries.some(function (entry) { return entry.search.indexOf(prefix) !== -1; });
    if (found || word.length < TYPO_LENGTH) {
      return { typo: false, test: function (entry) { return entry.search.indexOf(prefix) !== -1; } };
    }
    var near = words().filter(function (w) { return distance(word, w, 1) <= 1; })
      .map(function (w) { return " " + w + " "; });
    return {
      typo: near.length > 0,
      test: function (entry) { return near.some(function (w) { return entry.search.indexOf(w) !== -1; }); }
    };
  }

  // What the query shows: which entries, and how it found them ("all", "any" or "none").
  function select(query) {
    var tests = fold(query).map(testFor);
    if (!tests.length) return { how: "empty", match: function () { return true; }, typo: false };
    var typo = tests.some(function (t) { return t.typo; });
    var every = function (entry) { return tests.every(function (t) { return t.test(entry); }); };
    if (entries.some(every)) return { how: "all", match: every, typo: typo };
    var each = tests.every(function (t) { return entries.some(t.test); });
    var any = function (entry) { return tests.some(function (t) { return t.test(entry); }); };
    if (tests.length > 1 && each) return { how: "any", match: any, typo: typo };
    return { how: "none", match: function () { return false; }, typo: typo };
  }

  // The list is set aside and the shown matches moved into the results; an entry that leaves them
  // goes back to its chunk. No entry moves when the shown ones stay the same.
  var shown = [];
  // Every match is shown until the query changes.
  var showAll = false;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button glossary-more";
  more.addEventListener("click", function () {
    showAll = true;
    apply(input.value);
    // The button is gone: the keyboard goes on from the first entry it brought, named by its heading.
    var next = shown[FIRST_MATCHES] && shown[FIRST_MATCHES].element.querySelector("h2");
    if (next) {
      next.tabIndex = -1;
      next.focus({ preventScroll: true });
    }
  });

  function apply(query) {
    var found = select(query);
    var filtering = found.how !== "empty";
    var matches = filtering ? entries.filter(found.match) : [];
    var showing = matches.slice(0, showAll ? Infinity : FIRST_MATCHES);
    if (showing.length !== shown.length || showing.some(function (entry, i) { return entry !== shown[i]; })) {
      sendHome(shown);
      results.replaceChildren(resultsOf(showing));
      shown = showing;
    }
    // The button, written only where it changes, as every write is restyled.
    var offer = showing.length < matches.length && "Show all " + number(matches.length) + " matches";
    if (offer && more.textContent !== offer) more.textContent = offer;
    if (offer && more.parentNode !== results) results.appendChild(more);
    if (!offer) more.remove();
    page.classList.toggle("glossary-filtering", filtering);
    setLetters(filtering, showing);
    describe(query.trim(), found, filtering ? matches.length : entries.length, showing.length);
  }

  // Last first, so that the entry after each one is home already: one move per entry.
  function sendHome(moved) {
    for (var i = moved.length - 1; i >= 0; i--) {
      var entry = moved[i];
      var after = entry.chunk.entries[entry.place + 1];
      entry.chunk.element.insertBefore(entry.element, after ? after.element : null);
      if (entry.letter.element.parentNode !== entry.letter.group) entry.letter.group.prepend(entry.letter.element);
    }
  }

  // The matches under their letters (the letter's own heading, so the jump bar's links still
  // lead to it), in groups laid out as on the list.
  function resultsOf(showing) {
    var fragment = document.createDocumentFragment();
    var group;
    var letter;
    showing.forEach(function (entry) {
      if (entry.letter !== letter) {
        letter = entry.letter;
        group = fragment.appendChild(document.createElement("div"));
        group.className = "glossary-group";
        group.appendChild(letter.element);
      }
      group.appendChild(entry.element);
    });
    return fragment;
  }

  // A letter with no entry shown is not offered in the jump bar: its link loses its href, so
  // neither Tab nor a click reaches it, and says it is unavailable.
  function setLetters(filtering, showing) {
    var offered = new Set();
    showing.forEach(function (entry) { offered.add(entry.letter); });
    letters.forEach(function (letter) {
      var any = !filtering || offered.has(letter);
      if (!letter.link || letter.offered === any) return;
      letter.offered = any;
      if (any) {
        letter.link.setAttribute("href", letter.href);
        letter.link.removeAttribute("aria-disabled");
        letter.link.removeAttribute("role");
      } else {
        letter.link.removeAttribute("href");
        letter.link.setAttribute("aria-disabled", "true");
        letter.link.setAttribute("role", "link");
      }
    });
  }

  function quoted(text) { return "\u201c" + text + "\u201d"; }
  function number(n) { return n.toLocaleString("en"); }

  function describe(query, found, total, showing) {
    var of = number(total) + " of " + number(entries.length) + " terms match ";
    var typed = fold(query);
    suggestions.hidden = found.how !== "none";
    if (found.how === "empty") {
      count.textContent = number(entries.length) + " terms. Several words narrow the list; a typo is forgiven.";
    }
    else if (found.how === "all") count.textContent = of + quoted(query);
    else if (found.how === "any") {
      count.textContent = of + typed.map(quoted).join(" or ") + ": none has every word";
    } else {
      count.textContent = "No term matches " + quoted(query) + ".";
      suggest(query, typed);
    }
    if (found.typo && found.how !== "none") count.textContent += " or a word one letter away";
    if (found.how !== "empty" && showing < total) count.textContent += "; the first " + showing + " are shown";
  }

  // The nearest names, by the edit distance of each typed word to the closest word (or start of a
  // word) of a name: up to three that are near (half the letters typed), or else the three nearest.
  function suggest(query, typed) {
    var scored = entries.map(function (entry) {
      var score = 0;
      typed.forEach(function (word) {
        var best = Infinity;
        entry.names.forEach(function (name) {
          best = Math.min(best, distance(word, name.slice(0, word.length), word.length),
            distance(word, name, word.length));
        });
        score += best;
      });
      return { entry: entry, score: score };
    });
    scored.sort(function (a, b) { return a.score - b.score; });
    var near = typed.join("").length / 2;
    var offered = scored.slice(0, 3).filter(function (item) { return item.score <= near; });
    suggestions.textContent = "Closest terms: ";
    (offered.length ? offered : scored.slice(0, 3)).forEach(function (item, place) {
      var link = document.createElement("a");
      link.href = "#" + item.entry.id;
      link.textContent = item.entry.name;
      // The entry is set aside by the filter: show them all.
      link.addEventListener("click", clearOnPlainClick);
      if (place) suggestions.appendChild(document.createTextNode(", "));
      suggestions.appendChild(link);
    });
    suggestions.appendChild(document.createTextNode(". "));
    var search = document.createElement("a");
    search.className = "glossary-site-search";
    search.href = siteSearch(query);
    search.textContent = "Search the whole site for " + quoted(query);
    suggestions.appendChild(search);
  }

  // Material opens its search on any page whose address has ?q=: the home page will do.
  function siteSearch(query) {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : "..";
    var url = new URL(base.replace(/\/?$/, "/"), window.location.href);
    url.searchParams.set("q", query);
    return url.toString();
  }

  var pending;
  // `now` writes it at once: a link clicked to leave the filter then resolves against the
  // address without ?q= (Material's instant navigation may write the address after any timer).
  // Never onto another page: instant navigation may have left this one before the timer ends.
  var glossaryPath = window.location.pathname;
  function remember(query, now) {
    window.clearTimeout(pending);
    function write() {
      if (window.location.pathname !== glossaryPath) return;
      var url = new URL(window.location.href);
      if (query.trim()) url.searchParams.set("q", query.trim());
      else url.searchParams.delete("q");
      window.history.replaceState(window.history.state, "", url.toString());
    }
    if (now) write();
    else pending = window.setTimeout(write, 300);
  }

  var fromAddress = new URL(window.location.href).searchParams.get("q");
  // overrides/main.html moved a ?q= present on load out of Material's way, into this variable.
  var onLoad = window.glossaryQueryOnLoad;
  window.glossaryQueryOnLoad = undefined;
  input.value = (typeof onLoad === "string" ? onLoad : fromAddress) || "";
  apply(input.value);
  remember(input.value, true);
  input.addEventListener("input", function () {
    showAll = false;
    apply(input.value);
    remember(input.value);
  });
  function clear() {
    showAll = false;
    input.value = "";
    apply("");
    remember("", true);
  }
  // A click that opens a link here (not in a new tab or window) first shows the whole list.
  function clearOnPlainClick(event) {
    if (!(event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) clear();
  }
  // So does a link to an entry the filter set aside (a "see also").
  results.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && !results.contains(target)) clearOnPlainClick(event);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) {
      event.stopPropagation();
      clear();
    }
  });
});
