// The "Print cheat sheet" button: the browser's own Print, which the print stylesheet lays out.
// Through document$, so it also works on pages reached by instant navigation.
document$.subscribe(function () {
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
  // `make serve` renders no PDF files: there, "All notes as PDF" leads to the cheat sheet with
  // #print (overrides/partials/print-actions.html), which opens the print dialog on arrival.
  if (window.location.hash === "#print") {
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    window.print();
  }
});
