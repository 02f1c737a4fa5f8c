/* The overview page (best score first): sort by a column, filter by text, level, year and
   standard, or by a requirement's gap (a click on its bar in the chart). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var i18n = document.getElementById("i18n").dataset;
  var body = document.querySelector("#ov-table tbody");
  var rows = Array.prototype.slice.call(body.querySelectorAll("tr.ov-row"));
  var text = document.getElementById("o-text");
  var level = document.getElementById("o-level");
  var year = document.getElementById("o-year");
  var standard = document.getElementById("o-standard");
  var count = document.getElementById("o-count");
  var empty = document.querySelector("tbody.empty");
  var gap = "", gapBox = document.getElementById("o-gap"), gapLabel = document.getElementById("o-gap-label");
  var bars = Array.prototype.slice.call(document.querySelectorAll("#chart-requirements .req-bar"));
  var collator = new Intl.Collator(document.documentElement.lang || "zh", { numeric: true });

  // A long batch lays out one page of rows at a time (2,000 rows of cells take seconds);
  // "show more" adds a page, the filters and sorting apply to every row.
  var page = Number(document.getElementById("ov-table").dataset.page) || rows.length, limit = page;
  var more = document.querySelector("tbody.more"), moreCount = document.getElementById("o-more-count");

  function apply() {
    var q = text.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || (r.dataset.issuer + " " + r.dataset.path).toLowerCase().indexOf(q) >= 0)
        && (!level.value || r.dataset.level === level.value)
        && (!year.value || r.dataset.year === year.value)
        && (!standard.value || r.dataset.standard === standard.value)
        && (!gap || (" " + r.dataset.gaps + " ").indexOf(" " + gap + " ") >= 0);
      r.classList.toggle("filtered-out", !ok);
      if (ok) shown++;
      r.classList.toggle("paged-out", ok && shown > limit);
    });
    empty.hidden = shown > 0;
    more.hidden = shown <= limit;
    moreCount.textContent = i18n.more.replace("{n}", shown - limit);
    count.textContent = i18n.shown.replace("{n}", Math.min(shown, limit)).replace("{total}", rows.length);
  }

  function sortBy(th) {
    var key = th.dataset.sort, numeric = th.dataset.type === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending"
            : th.getAttribute("aria-sort") === "descending" ? "ascending"
            : (key === "score" || key === "year" ? "descending" : "ascending");
    Array.prototype.forEach.call(document.querySelectorAll("th.sortable"), function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var sign = dir === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = a.dataset[key], y = b.dataset[key], c;
      if (numeric) {
        c = (x === "" ? -Infinity : Number(x)) - (y === "" ? -Infinity : Number(y));
      } else {
        c = collator.compare(x, y);
      }
      return sign * c || Number(a.dataset.n) - Number(b.dataset.n);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    apply();
  }

  function filterGap(bar) {
    gap = bar && bar.dataset.id !== gap ? bar.dataset.id : "";
    bars.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.id === gap)); });
    gapBox.hidden = !gap;
    gapLabel.textContent = gap ? i18n.gap.replace("{title}", bar.dataset.title) : "";
    apply();
  }

  bars.forEach(function (b) {
    b.addEventListener("click", function () { filterGap(b); });
    b.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); filterGap(b); }
    });
  });
  document.getElementById("o-more").addEventListener("click", function () { limit += page; apply(); });
  document.getElementById("o-gap-clear").addEventListener("click", function () { filterGap(null); });
  Array.prototype.forEach.call(document.querySelectorAll("th.sortable button"), function (b) {
    b.addEventListener("click", function () { sortBy(b.parentNode); });
  });
  text.addEventListener("input", apply);
  level.addEventListener("change", apply);
  year.addEventListener("change", apply);
  standard.addEventListener("change", apply);
  apply();
}());
