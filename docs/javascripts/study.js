// Study page (docs/study.md): flashcards in Leitner boxes, a quiz and two exports, made from the
// deck that hooks/site.py writes into the page. Set up through document$ on every page, like the
// site's other scripts (instant navigation); a page without #study-app is left alone.
(function () {
  var KEY = "study"; // saved with Material's __md_set, under the site's own path
  var DAYS = [0, 0, 1, 3, 7, 16]; // how long a card in box n waits; box 1 comes back at once
  var GAP = 3; // a card marked "not yet" comes back after this many others
  var QUESTIONS = 10;
  var CARDS_PER_PAGE = 12; // printed rows are 22 mm tall (study.css): twelve fill an A4 page
  var app = null; // the study page on screen, when it is

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), x = list[i];
      list[i] = list[j];
      list[j] = x;
    }
    return list;
  }

  function make(tag, text, className) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  function title(t) {
    return t.name + (t.abbreviations.length ? " (" + t.abbreviations.join(", ") + ")" : "");
  }

  // Anki splits tags on spaces: "Networking & content delivery" becomes networking-content-delivery.
  function slug(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  // One field of the Anki file: on one line, and quoted when a quote would confuse Anki, or when
  // a leading # would make Anki read the line as a comment.
  function field(text) {
    text = text.replace(/\s+/g, " ").trim();
    return /"|^#/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // Progress as saved: {cards: {id: [box, due time]}, off: [family], dir, shuffle}. Anything else
  // read back (a hand edit, another site on the same origin, a future format) starts afresh:
  // a page that breaks on its own storage could never reach its Reset button.
  function savedProgress() {
    var saved = null;
    try { saved = __md_get(KEY); } catch (e) { /* unreadable: start afresh */ }
    var fresh = { cards: {}, off: [] };
    var isObject = function (v) { return v !== null && typeof v === "object" && !Array.isArray(v); };
    if (!isObject(saved)) return fresh;
    var cards = saved.cards === undefined ? {} : saved.cards;
    var off = saved.off === undefined ? [] : saved.off;
    var cardOk = function (c) {
      return Array.isArray(c) && c.length === 2 && Number.isInteger(c[0]) && c[0] >= 0 && c[0] < DAYS.length &&
        Number.isFinite(c[1]);
    };
    if (!isObject(cards) || !Object.keys(cards).every(function (id) { return cardOk(cards[id]); })) return fresh;
    if (!Array.isArray(off) || !off.every(function (f) { return typeof f === "string"; })) return fresh;
    return { cards: cards, off: off, dir: saved.dir === "summary" ? "summary" : "term", shuffle: saved.shuffle === true };
  }

  // Summary first, the term to guess: the summary must not give its own name away.
  function masked(t) {
    var forms = [t.name].concat(t.abbreviations, t.aliases).sort(function (a, b) { return b.length - a.length; });
    var pattern = forms.map(function (f) { return f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
    return t.summary.replace(new RegExp("\\b(?:" + pattern + ")\\b", "gi"), "[…]");
  }

  function noteLink(t) {
    // __md_scope is the site root, absolute: right under any sub-path and after instant navigation.
    var a = make("a", "Read the note: " + t.name);
    a.href = new URL(t.path, window.__md_scope || location.href).href;
    return a;
  }

  function setup(root, deck) {
    var terms = deck.terms, byId = {};
    terms.forEach(function (t) { byId[t.id] = t; });
    var st = savedProgress(); // st.off: families left out; a family new to the notes is studied
    var $ = function (selector) { return root.querySelector(selector); };
    var card = $("[data-card]"), options = $("[data-options]"), result = $("[data-result]");
    var mode = "cards", order = [], pos = 0, shown = false, quiz = null;

    function save() { __md_set(KEY, st); }
    function chosen() { return terms.filter(function (t) { return st.off.indexOf(t.family) < 0; }); }
    function box(t) { return (st.cards[t.id] || [0])[0]; }
    function show(el, on) { el.hidden = !on; }
    function button(act, on) { show($('[data-act="' + act + '"]'), on); }

    function progress() {
      var list = chosen(), known = 0, learning = 0;
      list.forEach(function (t) { if (box(t) > 1) known++; else if (box(t)) learning++; });
      var share = function (n) { return (list.length ? (100 * n) / list.length : 0) + "%"; };
      $(".study-known").style.width = share(known);
      $(".study-learning").style.width = share(learning);
      $("[data-counts]").innerHTML = '<span class="study-known">Known ' + known + '</span> <span class="study-learning">Learning ' +
        learning + '</span> <span>New ' + (list.length - known - learning) + "</span> <span>of " + list.length + " cards</span>";
    }

    function due() {
      var now = Date.now();
      return chosen().filter(function (t) { var c = st.cards[t.id]; return !c || c[1] <= now; });
    }

    // Due cards of the chosen families (or all of them): box 1 first, then by box, new cards last.
    function start(all) {
      var list = all ? chosen() : due();
      if (st.shuffle) shuffle(list);
      list.sort(function (a, b) { return (box(a) || 9) - (box(b) || 9); });
      order = list.map(function (t) { return t.id; });
      pos = 0;
      shown = false;
      render();
    }

    function renderCard() {
      var done = pos >= order.length;
      show(card, !done);
      show($("[data-done]"), done);
      show($("[data-grade]"), !done);
      $('[data-act="prev"]').disabled = pos === 0;
      $('[data-act="next"]').disabled = done;
      if (done) {
        var count = chosen().length, left = due().length, again = $('[data-act="all"]');
        $("[data-done-text]").textContent = !count
          ? "Choose at least one family under \u201cFamilies and options\u201d."
          : left ? "End of the round: " + left + " cards are still due."
          : "No card is due now. Cards you knew come back in the next days.";
        again.textContent = left ? "Study the " + left + " due cards" : "Study every card now";
        show(again, count > 0);
        return;
      }
      var t = byId[order[pos]], reverse = st.dir === "summary", b = box(t);
      card.textContent = "";
      card.append(make("p", t.family + " \u00b7 card " + (pos + 1) + " of " + order.length + " \u00b7 " +
        (b ? "box " + b + " of 5" : "new card"), "study-meta"));
      card.append(make("p", reverse ? masked(t) : title(t), reverse ? "study-front study-clue" : "study-front"));
      if (shown) {
        var back = make("div", "", "study-back");
        back.append(make("p", reverse ? title(t) : t.summary), noteLink(t));
        card.append(back);
      }
      button("reveal", !shown);
      button("knew", shown);
      button("again", shown);
    }

    function grade(knew) {
      var id = order[pos], b = knew ? Math.min(Math.max(box(byId[id]), 1) + 1, 5) : 1;
      st.cards[id] = [b, Date.now() + DAYS[b] * 864e5];
      save();
      if (knew) order = order.filter(function (x, i) { return i <= pos || x !== id; });
      else order.splice(pos + 1 + GAP, 0, id);
      pos++;
      shown = false;
      render();
    }

    // Four summaries, each once: the right one, then wrong ones from its family, then others.
    function choices(t) {
      var same = [], other = [], seen = {}, picked = [t];
      seen[t.summary] = true;
      terms.forEach(function (o) { if (o !== t) (o.family === t.family ? same : other).push(o); });
      shuffle(same).concat(shuffle(other)).forEach(function (o) {
        if (picked.length < 4 && !seen[o.summary]) {
          seen[o.summary] = true;
          picked.push(o);
        }
      });
      return shuffle(picked);
    }

    function newQuiz() {
      quiz = { terms: shuffle(chosen()).slice(0, QUESTIONS), at: 0, score: 0, misses: [] };
      ask();
    }

    function ask() {
      var q = quiz.terms[quiz.at], end = !q;
      options.textContent = result.textContent = $("[data-feedback]").textContent = "";
      button("qnext", false);
      button("quiz", end);
      if (end) {
        $("[data-question]").textContent = "";
        result.append(make("p", quiz.terms.length ? "Score: " + quiz.score + " of " + quiz.terms.length
          : "Choose at least one family under \u201cFamilies and options\u201d.", "study-score"));
        if (quiz.misses.length) {
          result.append(make("p", "Read these notes again:"));
          var list = make("ul");
          quiz.misses.forEach(function (t) { var li = make("li"); li.append(noteLink(t)); list.append(li); });
          result.append(list);
        }
        return;
      }
      quiz.choices = choices(q);
      $("[data-question]").textContent = "Question " + (quiz.at + 1) + " of " + quiz.terms.length +
        ": which summary describes " + title(q) + "?";
      quiz.choices.forEach(function (o, i) {
        var b = make("button", o.summary);
        b.type = "button";
        b.dataset.act = "answer";
        b.dataset.i = i;
        b.setAttribute("aria-keyshortcuts", String(i + 1));
        b.prepend(make("kbd", String(i + 1)), " ");
        var li = make("li");
        li.append(b);
        options.append(li);
      });
    }

    function answer(i) {
      var q = quiz.terms[quiz.at], right = quiz.choices.indexOf(q);
      if (i === right) quiz.score++;
      else quiz.misses.push(q);
      options.querySelectorAll("button").forEach(function (b, n) {
        b.disabled = true;
        if (n === right) b.dataset.mark = "right answer";
        else if (n === i) b.dataset.mark = "your answer";
      });
      $("[data-feedback]").textContent = i === right ? "Right." : "Not this one: the answer is number " + (right + 1) + ".";
      quiz.at++;
      button("qnext", true);
    }

    function render() {
      show($('[data-panel="cards"]'), mode === "cards");
      show($('[data-panel="quiz"]'), mode === "quiz");
      if (mode === "cards") renderCard();
      progress();
    }

    // The printed sheet: one row per card of the chosen families, folded down its middle.
    function sheet() {
      var rows = document.querySelector("[data-rows]"), cards = chosen();
      var pages = Math.max(1, Math.ceil(cards.length / CARDS_PER_PAGE));
      // Both print buttons (the page's and the app's) say what they print, and on how many pages.
      document.querySelectorAll('.print-actions .print-button, [data-act="print"]').forEach(function (button) {
        button.textContent = "Print fold-over cards (" + pages + (pages === 1 ? " page)" : " pages)");
      });
      rows.textContent = "";
      cards.forEach(function (t) {
        var row = make("div", "", "study-sheet-card"), back = make("div", t.summary, "study-sheet-back");
        back.append(make("small", t.family));
        row.append(make("div", title(t), "study-sheet-front"), back);
        rows.append(row);
      });
    }

    function download() {
      var lines = ["#separator:tab", "#html:false", "#notetype:Basic", "#deck:AWS Notes", "#tags column:3"];
      chosen().forEach(function (t) { lines.push([title(t), t.summary, slug(t.family)].map(field).join("\t")); });
      var a = make("a");
      a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/plain" }));
      a.download = "aws-notes-anki.txt";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    }

    var acts = {
      reveal: function () { shown = true; renderCard(); },
      knew: function () { grade(true); },
      again: function () { grade(false); },
      prev: function () { pos--; shown = false; renderCard(); },
      next: function () { pos++; shown = false; renderCard(); },
      all: function () { start(!due().length); },
      answer: function (b) { answer(Number(b.dataset.i)); },
      qnext: ask,
      quiz: newQuiz,
      anki: download,
      print: function () { window.print(); },
      reset: function () {
        if (!window.confirm("Forget which cards you knew? Every card becomes new again.")) return;
        st.cards = {};
        save();
        start(false);
      },
    };

    root.addEventListener("click", function (event) {
      var b = event.target.closest("[data-act]");
      if (!b) {
        // Tapping the card reveals it, as the Reveal button does.
        if (event.target.closest("[data-card]") && !event.target.closest("a") && !shown) acts.reveal();
        return;
      }
      var focused = document.activeElement;
      acts[b.dataset.act](b);
      // The button that had focus may be gone: focus the panel's next step, not the page's top.
      if (root.contains(focused) && (!focused.isConnected || !focused.offsetParent || focused.disabled)) {
        var next = Array.prototype.find.call(root.querySelectorAll("button"), function (x) { return x.offsetParent && !x.disabled; });
        if (next) next.focus();
      }
    });

    root.addEventListener("change", function (event) {
      var input = event.target;
      if (input.name === "study-mode") {
        mode = input.value;
        if (mode === "quiz") newQuiz();
        return render();
      }
      st.dir = $('[name="study-dir"]:checked').value;
      st.shuffle = $('[name="study-shuffle"]').checked;
      st.off = deck.families.filter(function (f, i) { return !$("#study-family-" + i).checked; });
      save();
      sheet();
      if (mode === "quiz") newQuiz();
      start(false);
    });

    // A swipe across the card moves to the next or the previous one.
    var touch = null;
    card.addEventListener("touchstart", function (e) { touch = e.changedTouches[0]; }, { passive: true });
    card.addEventListener("touchend", function (e) {
      var end = e.changedTouches[0], dx = touch ? end.clientX - touch.clientX : 0;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(end.clientY - touch.clientY)) {
        $('[data-act="' + (dx < 0 ? "next" : "prev") + '"]').click();
      }
    });

    var families = $("[data-families]");
    deck.families.forEach(function (f, i) {
      var label = make("label"), check = make("input"), count = terms.filter(function (t) { return t.family === f; }).length;
      check.type = "checkbox";
      check.id = "study-family-" + i;
      check.checked = st.off.indexOf(f) < 0;
      label.append(check, " " + f + " (" + count + ")");
      families.append(label);
    });
    $('[name="study-dir"][value="' + (st.dir === "summary" ? "summary" : "term") + '"]').checked = true;
    $('[name="study-shuffle"]').checked = !!st.shuffle;
    sheet();
    start(false);
    root.hidden = false;
    var nojs = document.querySelector(".study-nojs");
    if (nojs) nojs.hidden = true;

    return {
      root: root,
      // A key does what the visible button that names it in aria-keyshortcuts would do.
      key: function (event) {
        var name = event.key === " " ? "Space" : event.key, target = event.target;
        if (!/^(Space|[1-4]|ArrowLeft|ArrowRight)$/.test(name) || event.ctrlKey || event.metaKey || event.altKey) return;
        if (target.closest && target.closest("input, select, textarea, [contenteditable]")) return;
        if (name === "Space" && target.closest && target.closest("button, a, summary")) return; // its own click
        var b = Array.prototype.find.call(root.querySelectorAll('[aria-keyshortcuts~="' + name + '"]'), function (x) {
          return x.offsetParent && !x.disabled;
        });
        if (!b) return;
        event.preventDefault();
        b.click();
      },
    };
  }

  document.addEventListener("keydown", function (event) {
    if (app && app.root.isConnected) app.key(event);
  });

  document$.subscribe(function () {
    var root = document.getElementById("study-app"), data = document.getElementById("study-deck");
    if (!root || !data || root.dataset.ready) {
      if (!root) app = null;
      return;
    }
    root.dataset.ready = "1";
    app = setup(root, JSON.parse(data.dataset.deck));
  });
})();
