// Rows of a formset are added by htmx (the "Add" buttons fetch a blank row from the
// server, see planner/steps/_add_row.html). This script only moves the focus into a new
// row and removes rows: "Remove" ticks the row's DELETE box and hides it until saved.
(function () {
  function focusFirst(row) {
    var first = row && row.querySelector('input:not([type=hidden]):not([name$="-DELETE"]), select, textarea');
    if (first) first.focus();
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (target && target.matches("[data-formset-rows]")) focusFirst(target.lastElementChild);
  });
  document.addEventListener("click", function (event) {
    var remove = event.target.closest("[data-formset-remove]");
    if (!remove) return;
    var removed = remove.closest("[data-formset-row]");
    var formset = removed.closest("[data-formset]");
    var box = Array.from(removed.querySelectorAll('input[type=checkbox][name$="-DELETE"]')).filter(function (el) {
      return el.closest("[data-formset-row]") === removed;
    })[0];
    if (box) {
      box.checked = true;
      box.dispatchEvent(new Event("change", { bubbles: true }));  // the draft autosave sees it
    }
    removed.hidden = true;
    var add = Array.from(formset.querySelectorAll("[data-formset-add]")).filter(function (el) {
      return el.closest("[data-formset]") === formset;
    })[0];
    if (add) add.focus();
  });
})();
