// Site search that forgives how people type. Material 9.8 has no hook to rewrite a query (the
// `__search.transform` of older versions is gone), so the query is rewritten on its way to
// Material's search worker, before lunr sees it:
// - A finished function word ("a", "of", "the") is dropped: Material makes every word a prefix
//   search, and "a*" would match half the site.
//   So is the "vs" of "sqs vs sns": the comparison of the two is the section that names both,
//   and "vs" alone would add every other comparison.
// - A word of five letters or more that begins no word of the site is taken for another form of
//   one of its words when, less an ending ("-ing", "-ed", "-s"...), it begins one: "warehousing"
//   finds "warehouse", "interrupted" "interruptions" (Material searches every word as a prefix).
// - Failing that it is taken for a typo, and also matches words one edit away (lunr's fuzzy
//   `word~1`): "dyanmodb" finds DynamoDB, "sagemker" SageMaker, "notifications" Notification.
//   Words the site has stay exact, or "servers" would also find every "server".
// The site's words include each term's reader words ("cheapest" for Spot Instances), which the
// search index holds in a field of its own (hooks/notekit/search_index.py).
// The worker, and this, live as long as the page, across instant navigation: set up once.
(function () {
  var post = Worker.prototype.postMessage;
  if (post.forgiving) return;
  var SETUP = 0; // Material's SearchMessageType: the index, sent once before any query
  var QUERY = 2;
  var FUNCTION_WORD = /(^|\s)(a|an|and|are|as|at|by|for|from|how|i|in|is|it|my|of|on|or|the|to|versus|vs|what|with)(?=\s)/gi;
  // Endings to take off, longest first; a stem keeps four letters at least.
  var ENDINGS = ["ations", "ation", "ings", "ing", "ions", "ion", "able", "ible", "ies", "est", "ers", "er", "ed", "es", "ly", "s"];
  var SHORTEST_STEM = 4;
  var LONG_WORD = /(^|\s)([a-z]{5,})(?=\s|$)/gi;
  var vocabulary = [];

  function learn(index) {
    var separator = new RegExp(index.config.separator);
    var seen = {};
    index.docs.forEach(function (doc) {
      var text = (doc.title + " " + doc.text + " " + (doc.words || "")).replace(/<[^>]*>/g, " ").toLowerCase();
      text.split(separator).forEach(function (word) {
        seen[word] = true;
      });
    });
    vocabulary = Object.keys(seen);
  }

  function known(word) {
    word = word.toLowerCase();
    return vocabulary.some(function (entry) {
      return entry.lastIndexOf(word, 0) === 0;
    });
  }

  // The word less an ending, when that begins a word of the site; a doubled last letter left by
  // the ending counts once ("snapshotting": "snapshot").
  function stem(word) {
    word = word.toLowerCase();
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      var base = word.slice(0, -ending.length);
      if (word.slice(-ending.length) !== ending || base.length < SHORTEST_STEM) continue;
      if (known(base)) return base;
      if (base.length > SHORTEST_STEM && base.slice(-1) === base.slice(-2, -1) && known(base.slice(0, -1))) {
        return base.slice(0, -1);
      }
    }
    return null;
  }

  function forgive(query) {
    // Before the index has been seen every word would count as a typo: leave the query as typed.
    if (!vocabulary.length) return query;
    return query.replace(FUNCTION_WORD, "$1").replace(LONG_WORD, function (match, space, word) {
      if (known(word)) return match;
      var base = stem(word);
      return base ? space + base : space + word + " " + word + "~1";
    });
  }

  function postMessage(message, options) {
    if (message && message.type === SETUP && message.data && message.data.docs) {
      learn(message.data);
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY, data: forgive(message.data) };
    }
    return post.call(this, message, options);
  }
  postMessage.forgiving = true;
  Worker.prototype.postMessage = postMessage;
})();
