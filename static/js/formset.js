// Add and remove formset rows in place. A formset is marked with data-formset; its
// <template data-formset-template> holds a blank row whose names use the formset's
// placeholder (data-placeholder). Nested formsets use their own placeholder.
// A button with data-formset-add-to="ID" adds a row to the formset with that id and fills
// the row's fields from its data-fill-FIELD attributes (e.g. a guideline template).
(function () {
  function own(root, selector) {
    return Array.from(root.querySelectorAll(selector)).filter(function (el) {
      return el.closest("[data-formset]") === root;
    });
  }
  function addRow(formset) {
    var total = formset.querySelector('input[name="' + formset.dataset.total + '"]');
    var template = own(formset, "template[data-formset-template]")[0];
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.split(formset.dataset.placeholder).join(String(index));
    var rows = own(formset, "[data-formset-rows]")[0];
    rows.insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    var empty = own(formset, "[data-formset-empty]")[0];
    if (empty) empty.remove();
    return rows.lastElementChild;
  }
  function focusFirst(row) {
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  }
  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-formset-add]");
    if (add) {
      focusFirst(addRow(add.closest("[data-formset]")));
      return;
    }
    var addTo = event.target.closest("[data-formset-add-to]");
    if (addTo) {
      var row = addRow(document.getElementById(addTo.dataset.formsetAddTo));
      Object.keys(addTo.dataset).forEach(function (key) {
        if (key.indexOf("fill") !== 0) return;
        var name = key.slice(4).toLowerCase();
        var field = row.querySelector('[name$="-' + name + '"]');
        if (field) field.value = addTo.dataset[key];
      });
      focusFirst(row);
      return;
    }
    var remove = event.target.closest("[data-formset-remove]");
    if (remove) {
      var removed = remove.closest("[data-formset-row]");
      var formsetOfRow = removed.closest("[data-formset]");
      var box = own(formsetOfRow, 'input[type=checkbox][name$="-DELETE"]').filter(function (el) {
        return el.closest("[data-formset-row]") === removed;
      })[0];
      if (box) box.checked = true;
      removed.hidden = true;
      var addButton = own(formsetOfRow, "[data-formset-add]")[0];
      if (addButton) addButton.focus();
    }
  });
})();
