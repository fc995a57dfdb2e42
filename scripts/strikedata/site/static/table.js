// Sort and filter the rows of a data table, in the page, with no other file.
// Every <table data-rows> gets a filter box, a column choice and a live count (placed in the
// <div class="data-controls" data-for="TABLE-ID"> before it), and its column headings become buttons
// that sort by that column (again: the other way). Buttons and inputs work from the keyboard as they are.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
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
    var count, box, column;
    rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
    if (controls) {
      var filterLabel = document.createElement("label");
      filterLabel.textContent = "Show rows containing";
      box = document.createElement("input");
      box.type = "search";
      box.id = table.id + "-filter";
      box.setAttribute("autocomplete", "off");
      filterLabel.appendChild(box);
      var columnLabel = document.createElement("label");
      columnLabel.textContent = "in column";
      column = document.createElement("select");
      column.id = table.id + "-column";
      var any = document.createElement("option");
      any.value = "";
      any.textContent = "any column";
      column.appendChild(any);
      headers.forEach(function (th, i) {
        if (th.hasAttribute("data-nofilter")) { return; }
        var option = document.createElement("option");
        option.value = String(i);
        option.textContent = th.getAttribute("data-name") || th.textContent.trim();
        column.appendChild(option);
      });
      columnLabel.appendChild(column);
      count = document.createElement("output");
      count.setAttribute("aria-live", "polite");
      count.id = table.id + "-count";
      controls.appendChild(filterLabel);
      controls.appendChild(columnLabel);
      controls.appendChild(count);
      box.addEventListener("input", filter);
      column.addEventListener("change", filter);
    }
    function searchable(row) { // the row's cells, less the columns that only link elsewhere
      return Array.prototype.filter.call(row.cells, function (cell, i) {
        return !(headers[i] && headers[i].hasAttribute("data-nofilter"));
      }).map(function (cell) { return cell.textContent; }).join("\n");
    }
    function filter() {
      var words = box.value.trim().toLowerCase();
      var only = column.value === "" ? -1 : Number(column.value);
      var shown = 0;
      rows.forEach(function (row) {
        var text = only < 0 ? searchable(row) : (row.cells[only] ? row.cells[only].textContent : "");
        var keep = words === "" || text.toLowerCase().indexOf(words) !== -1;
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      count.textContent = shown === total ? "all " + total + " rows shown" : shown + " of " + total + " rows shown";
    }
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
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
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
    if (controls) { filter(); }
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-rows]"), setUp);
}());
