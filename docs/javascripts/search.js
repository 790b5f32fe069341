// Site search that forgives how people type. Material 9.8 has no hook to rewrite a query (the
// `__search.transform` of older versions is gone), so the query is rewritten on its way to
// Material's search worker, before lunr sees it:
// - A finished function word ("a", "of", "the") is dropped: Material makes every word a prefix
//   search, and "a*" would match half the site.
// - A word of five letters or more that begins no word of the site is taken for a typo, and also
//   matches words one edit away (lunr's fuzzy `word~1`): "dyanmodb" finds DynamoDB, "sagemker"
//   SageMaker, "notifications" Notification. Words the site has stay exact, or "servers" would
//   also find every "server".
// The worker, and this, live as long as the page, across instant navigation: set up once.
(function () {
  var post = Worker.prototype.postMessage;
  if (post.forgiving) return;
  var SETUP = 0; // Material's SearchMessageType: the index, sent once before any query
  var QUERY = 2;
  var FUNCTION_WORD = /(^|\s)(a|an|and|are|as|at|by|for|from|how|i|in|is|it|my|of|on|or|the|to|what|with)(?=\s)/gi;
  var LONG_WORD = /(^|\s)([a-z]{5,})(?=\s|$)/gi;
  var vocabulary = [];

  function learn(index) {
    var separator = new RegExp(index.config.separator);
    var seen = {};
    index.docs.forEach(function (doc) {
      var text = (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").toLowerCase();
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

  function forgive(query) {
    // Before the index has been seen every word would count as a typo: leave the query as typed.
    if (!vocabulary.length) return query;
    return query.replace(FUNCTION_WORD, "$1").replace(LONG_WORD, function (match, space, word) {
      return known(word) ? match : space + word + " " + word + "~1";
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
