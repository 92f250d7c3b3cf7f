// The checklist step: each checklist counts its answered items as the user answers them, and
// "Set all open items to" answers a whole checklist at once. Without this script the page works
// the same, one item at a time (the bulk control stays hidden).
(function () {
  function statuses(group) {
    return Array.from(group.querySelectorAll('select[name$="-status"]'));
  }
  function count(group) {
    var all = statuses(group);
    var answered = all.filter(function (select) { return select.value !== "open"; }).length;
    var label = group.querySelector("[data-checklist-count]");
    if (label) label.textContent = label.dataset.text.replace("{answered}", answered).replace("{total}", all.length);
    var bar = group.querySelector("[role=progressbar]");
    if (bar) {
      var percent = all.length ? Math.round((100 * answered) / all.length) : 100;
      bar.setAttribute("aria-valuenow", percent);
      bar.firstElementChild.style.width = percent + "%";
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-checklist-bulk]").forEach(function (bulk) { bulk.hidden = false; });
  });
  document.addEventListener("change", function (event) {
    var group = event.target.closest("[data-checklist-group]");
    if (group && event.target.matches('select[name$="-status"]')) count(group);
  });
  document.addEventListener("click", function (event) {
    var apply = event.target.closest("[data-checklist-bulk-apply]");
    if (!apply) return;
    var group = apply.closest("[data-checklist-group]");
    var value = group.querySelector("[data-checklist-bulk-status]").value;
    statuses(group).forEach(function (select) {
      if (select.value !== "open") return;
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));  // the draft autosave sees it
    });
    count(group);
  });
})();
