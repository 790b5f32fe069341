// The offline copy's worker (sw.js), and a new build's notice. Why: CONTRIBUTING.md, "Offline".
(function () {
  var workers = navigator.serviceWorker;
  if (!workers) return;
  var replacing = !!workers.controller; // then a new worker is a new build: reload into it
  var notice = document.createElement("div"); // a live region, there before its words
  notice.className = "offline-notice";
  notice.setAttribute("role", "status");
  document.body.appendChild(notice);
  function ready() {
    document.documentElement.dataset.offline = "ready";
  }
  workers.onmessage = function (event) {
    if (event.data == "reload") location.reload(); // from the worker `mkdocs serve` publishes
  };
  workers.addEventListener("controllerchange", function () {
    if (replacing) return location.reload();
    replacing = true;
    ready();
  });
  function offer(worker) {
    var styles = document.createElement("link"); // only now: few pages ever show the notice
    styles.rel = "stylesheet";
    styles.href = new URL("stylesheets/offline.css", __md_scope);
    styles.onload = styles.onerror = function () {
      notice.innerHTML = "<p>These notes have been updated.</p><button data-reload>Reload</button> <button>Later</button>";
    };
    document.head.appendChild(styles);
    notice.onclick = function (event) {
      if (event.target.hasAttribute("data-reload")) worker.postMessage("skip-waiting");
      else if (event.target.tagName == "BUTTON") notice.textContent = "";
    };
  }
  function offerOnceInstalled(worker) {
    if (!worker || !workers.controller) return;
    if (worker.state == "installed") return offer(worker);
    worker.addEventListener("statechange", function () {
      if (worker.state == "installed") offer(worker);
    });
  }
  workers.register(new URL("sw.js", __md_scope)).then(function (registration) {
    function check() {
      registration.update().catch(function () {}); // offline: the next check will do
    }
    if (workers.controller) {
      ready();
      check(); // a page load asks for sw.js, whatever the browser does
    }
    offerOnceInstalled(registration.waiting || registration.installing);
    registration.onupdatefound = function () {
      offerOnceInstalled(registration.installing);
    };
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) check();
    });
  }, function () {}); // workers refused (a private window, say): the site as it is without them
})();
