// The "Print cheat sheet" button: the browser's own Print, which the print stylesheet lays out.
// Through document$, so it also works on pages reached by instant navigation.
document$.subscribe(function () {
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
