// The error pages' "Back" link goes back in the browser's history, so the form the user came
// from shows again with what they typed (a new request would show the saved state instead).
// Without history (a new tab), or without this script, the link's own href is followed.
(function () {
  document.addEventListener("click", function (event) {
    var back = event.target.closest("[data-history-back]");
    if (!back || window.history.length < 2) return;
    event.preventDefault();
    window.history.back();
  });
})();
