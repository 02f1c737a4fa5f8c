/* The report page: filters, expanding rows, and links between requirements and the text.
   Plain DOM, no libraries; the page works (everything expanded) without it. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var i18n = document.getElementById("i18n").dataset;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.req"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("tbody.group"));
  var segBtns = Array.prototype.slice.call(document.querySelectorAll(".seg-btn"));
  var fSeverity = document.getElementById("f-severity");
  var fGroup = document.getElementById("f-group");
  var fText = document.getElementById("f-text");
  var fCount = document.getElementById("f-count");
  var empty = document.querySelector("tbody.empty");
  var popover = document.getElementById("popover");
  var status = "";
  var haystack = new Map();
  var motion = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";

  function detailOf(row) { return document.getElementById(row.dataset.detail); }
  function norm(s) { return s.toLowerCase().replace(/\s+/g, ""); }
  rows.forEach(function (row) { haystack.set(row, norm(row.textContent + " " + detailOf(row).textContent)); });

  function matches(row, q) {
    if (status === "waived" ? row.dataset.waived !== "yes" : status && row.dataset.status !== status) return false;
    if (fSeverity.value && row.dataset.severity !== fSeverity.value) return false;
    if (fGroup.value && row.dataset.group !== fGroup.value) return false;
    return !q || haystack.get(row).indexOf(q) >= 0;
  }

  function apply() {
    var q = norm(fText.value), shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, q);
      row.classList.toggle("filtered-out", !ok);
      detailOf(row).classList.toggle("filtered-out", !ok);
      if (ok) shown++;
    });
    groups.forEach(function (g) {
      g.classList.toggle("filtered-out", !g.querySelector("tr.req:not(.filtered-out)"));
    });
    empty.hidden = shown > 0;
    fCount.textContent = i18n.shown.replace("{n}", shown).replace("{total}", rows.length);
  }

  function setStatus(value) {
    status = value;
    segBtns.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.status === value)); });
    apply();
  }

  function clearFilters() {
    fSeverity.value = ""; fGroup.value = ""; fText.value = ""; setStatus("");
  }

  function setOpen(row, open) {
    row.classList.toggle("open", open);
    detailOf(row).classList.toggle("collapsed", !open);
    row.querySelector(".toggle").setAttribute("aria-expanded", String(open));
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;  // restart the animation
    el.classList.add("flash");
  }

  /* requirement -> open, visible, scrolled to */
  function gotoRequirement(id, ref) {
    var row = document.getElementById(id);
    if (!row) return;
    if (row.matches("tr.req")) {
      if (row.classList.contains("filtered-out")) clearFilters();
      setOpen(row, true);
    }
    var target = ref && document.getElementById("q-" + ref);
    if (target) {
      var more = target.closest("[data-more]");
      if (more) more.classList.remove("collapsed");
    }
    (target || row).scrollIntoView({ block: "center", behavior: motion });
    flash(target || row);
    if (history.replaceState) history.replaceState(null, "", "#" + id);
  }

  /* the text beside the table (wide screens) scrolls on its own, leaving the page still */
  var pane = document.getElementById("document");
  function sideBySide() { return pane && getComputedStyle(pane).position === "sticky"; }

  /* evidence -> its highlighted words in the report's text */
  function gotoText(ref) {
    var marks = document.querySelectorAll("mark.hl.active");
    Array.prototype.forEach.call(marks, function (m) { m.classList.remove("active"); });
    var hits = document.querySelectorAll('mark.hl[data-refs~="' + ref + '"]');
    if (!hits.length) return false;
    Array.prototype.forEach.call(hits, function (m) { m.classList.add("active"); });
    var details = hits[0].closest("details");
    if (details) details.open = true;
    if (sideBySide()) {
      var top = hits[0].getBoundingClientRect().top - pane.getBoundingClientRect().top;
      pane.scrollTo({ top: pane.scrollTop + top - pane.clientHeight / 3, behavior: motion });
    } else {
      hits[0].scrollIntoView({ block: "center", behavior: motion });
    }
    return true;
  }

  function owners(refs) {
    var seen = [], out = [];
    refs.forEach(function (ref) {
      var q = document.getElementById("q-" + ref);
      if (!q) return;
      var owner = q.dataset.owner;
      if (seen.indexOf(owner) >= 0) return;
      seen.push(owner);
      var el = document.getElementById(owner);
      var title = el && el.matches("tr.req") ? el.querySelector(".toggle").textContent
                : el ? el.querySelector(".message").textContent : owner;
      var state = el && el.matches("tr.req") ? el.querySelector(".chip").textContent : "";
      out.push({ id: owner, ref: ref, label: (state ? "［" + state.trim() + "］" : "") + title.trim() });
    });
    return out;
  }

  function closePopover() { popover.hidden = true; popover.textContent = ""; }

  function showPopover(mark, list) {
    closePopover();
    var head = document.createElement("div");
    head.className = "pop-head";
    head.textContent = i18n.refsMenu;
    popover.appendChild(head);
    list.forEach(function (o) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = o.label;
      b.addEventListener("click", function () { closePopover(); gotoRequirement(o.id, o.ref); });
      popover.appendChild(b);
    });
    var r = mark.getBoundingClientRect();
    popover.hidden = false;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = (window.scrollY + r.bottom + 4) + "px";
    popover.querySelector("button").focus();
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target;
    if (!(el instanceof Element)) return;
    if (!popover.contains(el)) closePopover();
    var locate = el.closest("a.locate");
    if (locate) { ev.preventDefault(); ev.stopPropagation(); gotoText(locate.dataset.ref); return; }
    var groupLink = el.closest("[data-group-link]");
    if (groupLink) {
      ev.preventDefault();
      clearFilters();
      document.getElementById("grp-" + groupLink.dataset.groupLink).scrollIntoView({ behavior: motion });
      return;
    }
    var go = el.closest("[data-goto]");
    if (go) { ev.preventDefault(); gotoRequirement(go.dataset.goto); return; }
    var mark = el.closest("mark.hl");
    if (mark) {
      var list = owners(mark.dataset.refs.split(" "));
      if (list.length === 1) gotoRequirement(list[0].id, list[0].ref);
      else if (list.length > 1) showPopover(mark, list);
      return;
    }
    var count = el.closest("[data-filter-status]");
    if (count) {
      setStatus(count.dataset.filterStatus);
      document.getElementById("requirements").scrollIntoView({ behavior: motion });
      return;
    }
    var seg = el.closest(".seg-btn");
    if (seg) { setStatus(seg.dataset.status); return; }
    var more = el.closest("[data-show-all]");
    if (more) {
      var list2 = more.parentNode.querySelector("[data-more]");
      var hidden = list2.classList.toggle("collapsed");
      more.textContent = hidden ? more.dataset.label : i18n.showLess;
      return;
    }
    var row = el.closest("tr.req");
    if (row && !el.closest("a")) {
      var opening = !row.classList.contains("open");
      setOpen(row, opening);
      /* beside the table, the text follows the requirement just opened */
      var first = row.querySelector("a.locate");
      if (opening && first && sideBySide()) gotoText(first.dataset.ref);
    }
  });

  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closePopover(); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-show-all]"), function (b) { b.dataset.label = b.textContent; });
  document.getElementById("expand-all").addEventListener("click", function () {
    rows.forEach(function (r) { if (!r.classList.contains("filtered-out")) setOpen(r, true); });
  });
  document.getElementById("collapse-all").addEventListener("click", function () {
    rows.forEach(function (r) { setOpen(r, false); });
  });
  [fSeverity, fGroup].forEach(function (s) { s.addEventListener("change", apply); });
  fText.addEventListener("input", apply);
  apply();
  if (location.hash.indexOf("#req-") === 0) gotoRequirement(decodeURIComponent(location.hash.slice(1)));
}());
