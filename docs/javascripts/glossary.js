// Glossary filter, as forgiving as site search (search.js); ?q= in the URL shares a view. It shows
// the entries where each query word starts a word of the name, forms, summary or readers' words
// (data-words, never shown): "s3 glacier" finds one. If none has every word but each word finds
// some, those with any ("sqs sns"), and the count line says so. A word of 5+ letters that starts
// no word is a typo: words one edit away match ("sagemker"); known words stay exact ("servers").
// No match: the closest names, and the words in site search. Speed, at 10,000 terms: see
// hooks/notekit/glossary.py (no `hidden`, only changed entries written, URL written on a pause).
// Runs on every page through document$ (instant navigation); nothing happens off the glossary.

document$.subscribe(function () {
  var box = document.querySelector(".glossary-filter");
  var input = document.getElementById("glossary-filter-input");
  if (!box || !input) return;
  var count = box.querySelector(".glossary-count");
  var suggestions = box.querySelector(".glossary-suggestions");
  var page = box.closest("article") || document.body;
  var IN = "glossary-in";
  var TYPO_LENGTH = 5;

  // Letters, chunks and entries in page order; each entry remembers its chunk and letter.
  var letters = [];
  var chunks = [];
  var entries = [];
  var links = {};  // the jump bar's, by the letter they lead to (Material makes their href absolute)
  document.querySelectorAll(".glossary-letters a[href]").forEach(function (link) { links[link.hash] = link; });
  document.querySelectorAll(".glossary-letter, .glossary-chunk").forEach(function (element) {
    if (element.classList.contains("glossary-letter")) {
      var link = links["#" + element.id];
      letters.push({ element: element, link: link, href: link && link.getAttribute("href"), shown: 0 });
      return;
    }
    var chunk = { element: element, letter: letters[letters.length - 1], shown: 0 };
    chunks.push(chunk);
    for (var child = element.firstElementChild; child; child = child.nextElementSibling) {
      entries.push(entryOf(child, chunk));
    }
  });

  function entryOf(element, chunk) {
    var heading = element.querySelector("h2");
    var forms = element.querySelector(".glossary-forms");
    var summary = element.querySelector(".glossary-summary");
    var name = heading.textContent.replace(/\u00b6/g, "") + " ";  // less the permalink's ¶
    if (forms) name += forms.textContent.replace(/^Also:/, "");
    var text = [name, summary ? summary.textContent : "", element.getAttribute("data-words") || ""].join(" ");
    return {
      element: element, chunk: chunk, id: heading.id, name: heading.textContent.replace(/\u00b6/g, ""),
      names: fold(name), search: " " + fold(text).join(" ") + " ", shown: false
    };
  }

  // The same folding as notekit.terms.searchable().
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  var vocabulary = null;  // every word of every entry, made at the first typo
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

  // Only what changes is written: each write costs the browser a style to work out again. With
  // no query the marks stay as they were, unused: typing the same word again writes nothing.
  function apply(query) {
    var found = select(query);
    var filtering = found.how !== "empty";
    var shown = 0;
    if (filtering) {
      entries.forEach(function (entry) {
        var match = found.match(entry);
        if (match) shown += 1;
        if (match === entry.shown) return;
        entry.shown = match;
        entry.element.classList.toggle(IN, match);
        var chunk = entry.chunk;
        if (match && chunk.shown++ === 0) chunk.element.classList.add(IN);
        if (!match && --chunk.shown === 0) chunk.element.classList.remove(IN);
      });
    }
    page.classList.toggle("glossary-filtering", filtering);
    letters.forEach(function (letter) { letter.shown = 0; });
    chunks.forEach(function (chunk) { if (chunk.letter) chunk.letter.shown += filtering ? chunk.shown : 1; });
    letters.forEach(setLetter);
    describe(query.trim(), found, filtering ? shown : entries.length);
  }

  // A letter whose entries are all hidden is neither shown nor offered in the jump bar: its link
  // loses its href, so neither Tab nor a click reaches it, and says it is unavailable.
  function setLetter(letter) {
    var any = letter.shown > 0;
    if (letter.element.hidden === !any) return;
    letter.element.hidden = !any;
    if (!letter.link) return;
    if (any) {
      letter.link.setAttribute("href", letter.href);
      letter.link.removeAttribute("aria-disabled");
      letter.link.removeAttribute("role");
    } else {
      letter.link.removeAttribute("href");
      letter.link.setAttribute("aria-disabled", "true");
      letter.link.setAttribute("role", "link");
    }
  }

  function quoted(text) { return "\u201c" + text + "\u201d"; }

  function describe(query, found, shown) {
    var of = shown + " of " + entries.length + " terms match ";
    var typed = fold(query);
    suggestions.hidden = found.how !== "none";
    if (found.how === "empty") {
      count.textContent = entries.length + " terms. Several words narrow the list; a typo is forgiven.";
    }
    else if (found.how === "all") count.textContent = of + quoted(query);
    else if (found.how === "any") {
      count.textContent = of + typed.map(quoted).join(" or ") + ": none has every word";
    } else {
      count.textContent = "No term matches " + quoted(query) + ".";
      suggest(query, typed);
    }
    if (found.typo && found.how !== "none") count.textContent += " or a word one letter away";
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
      link.addEventListener("click", clear);  // the entry is hidden by the filter: show them all
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
  function remember(query, now) {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      var url = new URL(window.location.href);
      if (query.trim()) url.searchParams.set("q", query.trim());
      else url.searchParams.delete("q");
      window.history.replaceState(window.history.state, "", url.toString());
    }, now ? 0 : 300);
  }

  var fromAddress = new URL(window.location.href).searchParams.get("q");
  // overrides/main.html moved a ?q= present on load out of Material's way, into this variable.
  var onLoad = window.glossaryQueryOnLoad;
  window.glossaryQueryOnLoad = undefined;
  input.value = (typeof onLoad === "string" ? onLoad : fromAddress) || "";
  apply(input.value);
  remember(input.value, true);
  input.addEventListener("input", function () {
    apply(input.value);
    remember(input.value);
  });
  function clear() {
    input.value = "";
    apply("");
    remember("", true);
  }
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) {
      event.stopPropagation();
      clear();
    }
  });
});
