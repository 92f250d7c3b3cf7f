// Add and remove formset rows in place. A formset is marked with data-formset; its
// <template data-formset-template> holds a blank row whose names use the formset's
// placeholder (data-placeholder). Nested formsets use their own placeholder.
(function () {
  function own(root, selector) {
    return Array.from(root.querySelectorAll(selector)).filter(function (el) {
      return el.closest("[data-formset]") === root;
    });
  }
  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-formset-add]");
    if (add) {
      var formset = add.closest("[data-formset]");
      var total = formset.querySelector('input[name="' + formset.dataset.total + '"]');
      var template = own(formset, "template[data-formset-template]")[0];
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.split(formset.dataset.placeholder).join(String(index));
      var rows = own(formset, "[data-formset-rows]")[0];
      rows.insertAdjacentHTML("beforeend", html);
      total.value = index + 1;
      var empty = own(formset, "[data-formset-empty]")[0];
      if (empty) empty.remove();
      var row = rows.lastElementChild;
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
      return;
    }
    var remove = event.target.closest("[data-formset-remove]");
    if (remove) {
      var row = remove.closest("[data-formset-row]");
      var formsetOfRow = row.closest("[data-formset]");
      var box = own(formsetOfRow, 'input[type=checkbox][name$="-DELETE"]').filter(function (el) {
        return el.closest("[data-formset-row]") === row;
      })[0];
      if (box) box.checked = true;
      row.hidden = true;
      var addButton = own(formsetOfRow, "[data-formset-add]")[0];
      if (addButton) addButton.focus();
    }
  });
})();
