// Sort and filter the rows of a data table, in the page, with no other file.
// The page holds the controls already (so nothing moves once it has been laid out): for each
// <table data-rows id="T">, a <div class="data-controls" data-for="T" hidden> with a search box, a
// column choice and a live count, shown once this script runs; and a <button class="sort"> in each
// column heading, which sorts by that column (again: the other way). Buttons, boxes and lists work
// from the keyboard as they are.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }
  function compare(a, b, numeric) {
    if (numeric) { return Number(a) - Number(b); }
    return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
  }
  function setUp(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var controls = document.querySelector('.data-controls[data-for="' + table.id + '"]');
    var total = rows.length;
    rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
    if (controls) {
      var box = controls.querySelector("input[type=search]");
      var column = controls.querySelector("select");
      var count = controls.querySelector("output");
      var searchable = function (row) { // the row's cells, less the columns that only link elsewhere
        return Array.prototype.filter.call(row.cells, function (cell, i) {
          return !(headers[i] && headers[i].hasAttribute("data-nofilter"));
        }).map(function (cell) { return cell.textContent; }).join("\n");
      };
      var filter = function () {
        var words = box.value.trim().toLowerCase();
        var only = column.value === "" ? -1 : Number(column.value);
        var shown = 0;
        rows.forEach(function (row) {
          var text = only < 0 ? searchable(row) : (row.cells[only] ? row.cells[only].textContent : "");
          var keep = words === "" || text.toLowerCase().indexOf(words) !== -1;
          if (row.hidden === keep) { row.hidden = !keep; }
          if (keep) { shown += 1; }
        });
        count.textContent = shown === total ? "all " + total + " rows shown" : shown + " of " + total + " rows shown";
      };
      box.addEventListener("input", filter);
      column.addEventListener("change", filter);
      controls.hidden = false;
    }
    headers.forEach(function (th, index) {
      var button = th.querySelector("button.sort");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-type") === "integer" || th.getAttribute("data-type") === "number";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = rows.slice().sort(function (a, b) {
          var va = cellValue(a, index), vb = cellValue(b, index), order;
          if (va === "" || vb === "") {
            order = va === vb ? 0 : (va === "" ? 1 : -1); // empty cells last, either way
          } else {
            order = compare(va, vb, numeric);
            if (!ascending) { order = -order; }
          }
          return order || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        var fragment = document.createDocumentFragment();
        sorted.forEach(function (row) { fragment.appendChild(row); });
        body.appendChild(fragment);
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-rows]"), setUp);
}());
