// Sorting (click a header; again to reverse) and filtering (rows whose text contains the query) of the
// report table. Numeric columns sort by each cell's data-v; cells without one sort last.
(function () {
  const table = document.getElementById("rows");
  if (!table) return;
  const body = table.tBodies[0];
  const headers = Array.from(table.tHead.rows[0].cells);
  const count = document.getElementById("count");
  const filter = document.getElementById("filter");
  const total = body.rows.length;

  function key(row, column, numeric) {
    const cell = row.cells[column];
    if (!numeric) return cell.textContent;
    const v = cell.dataset.v;
    return v === undefined || v === "" ? null : Number(v);
  }

  headers.forEach(function (th, column) {
    th.addEventListener("click", function () {
      const numeric = th.dataset.type === "num";
      const descending = th.getAttribute("aria-sort") === "ascending";
      headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const sign = descending ? -1 : 1;
      const rows = Array.from(body.rows);
      rows.sort(function (a, b) {
        const x = key(a, column, numeric), y = key(b, column, numeric);
        if (x === y) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        if (numeric) return sign * (x - y);
        return sign * x.localeCompare(y, undefined, { numeric: true });
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  function applyFilter() {
    const query = filter.value.trim().toLowerCase();
    let shown = 0;
    Array.from(body.rows).forEach(function (row) {
      const match = query === "" || row.textContent.toLowerCase().includes(query);
      row.hidden = !match;
      if (match) shown++;
    });
    count.textContent = shown === total ? total + " rows" : shown + " of " + total + " rows";
  }

  filter.addEventListener("input", applyFilter);
  applyFilter();
})();
