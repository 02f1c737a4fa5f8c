// The self-check page: send the draft to /api/audit, show the score, the gaps and the report.
// Text from the server is only ever set as textContent or as the sandboxed frame's srcdoc.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("check-form"), fileInput = $("file"), drop = $("drop"), text = $("text");
  var button = $("check"), status = $("status"), errorBox = $("error"), errorMessage = $("error-message");
  var result = $("result"), frame = $("report"), i18n = $("i18n").dataset;
  var urls = [];

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
  }

  function showFile() {
    var f = fileInput.files && fileInput.files[0];
    $("chosen").hidden = !f;
    $("chosen-name").textContent = f ? f.name : "";
  }

  function clearFile() {
    fileInput.value = "";
    showFile();
  }

  function fail(message) {
    errorMessage.textContent = message;
    errorBox.hidden = false;
    status.textContent = "";
  }

  function stem(name) {
    var base = (name || "report").replace(/\.[^.]*$/, "");
    return (base.replace(/[\\/:*?"<>|\x00-\x1f]/g, "_") || "report").slice(0, 120);
  }

  var DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  function bytes(base64) {
    var raw = atob(base64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }

  function download(id, content, type, name) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    urls.push(url);
    var a = $(id);
    a.href = url;
    a.setAttribute("download", name);
  }

  function gapList(id, rows) {
    var list = $(id);
    list.textContent = "";
    if (!rows.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = i18n.none;
      list.appendChild(none);
      return;
    }
    rows.forEach(function (r) {
      var li = document.createElement("li");
      li.dataset.id = r.id;
      li.appendChild(document.createTextNode(r.title));
      if (r.suggestion) {
        var why = document.createElement("span");
        why.className = "why";
        why.textContent = r.suggestion;
        li.appendChild(why);
      }
      list.appendChild(li);
    });
  }

  function show(answer, name, ms) {
    var r = answer.result;
    urls.forEach(function (u) { URL.revokeObjectURL(u); });
    urls = [];
    $("score").textContent = r.score.toFixed(1);
    var d = r.document || {};
    $("result-title").textContent = [d.issuer, d.year ? d.year + "" : "", name].filter(Boolean).join(" · ");
    $("counts").textContent = fill(i18n.counts, r.counts);
    var reqs = r.requirements || [];
    var warnings = r.warnings || [], warningList = $("warning-list");
    warningList.textContent = "";
    warnings.forEach(function (w) {
      var li = document.createElement("li");
      li.textContent = w;
      warningList.appendChild(li);
    });
    $("warnings").hidden = !warnings.length;
    gapList("missing-list", reqs.filter(function (q) { return q.status === "missing"; }));
    gapList("partial-list", reqs.filter(function (q) { return q.status === "partial"; }));
    download("download-html", answer.html, "text/html;charset=utf-8", stem(name) + ".checklist.html");
    download("download-json", JSON.stringify(r, null, 2) + "\n", "application/json", stem(name) + ".checklist.json");
    download("download-docx", bytes(answer.docx), DOCX, answer.docx_name);
    frame.srcdoc = answer.html;
    result.hidden = false;
    status.textContent = fill(i18n.done, { ms: ms });
    result.scrollIntoView({ block: "start" });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorBox.hidden = true;
    result.hidden = true;  // the last result goes while the next is checked
    var f = fileInput.files && fileInput.files[0];
    var pasted = text.value;
    if (!f && !pasted.trim()) { fail(i18n.nothing); return; }
    if (f && f.size > Number(i18n.maxBytes)) { fail(i18n.tooLarge); return; }
    var body = new FormData();
    if (f) { body.append("file", f, f.name); } else { body.append("text", pasted); }
    body.append("standard", $("standard").value);
    body.append("lang", i18n.lang);
    body.append("format", "all");
    button.disabled = true;
    status.textContent = i18n.checking;
    var started = performance.now();
    fetch("/api/audit", { method: "POST", body: body })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; },
          function () { return { ok: false, data: { error: { message: "HTTP " + response.status } } }; });
      })
      .then(function (answer) {
        if (!answer.ok) { fail((answer.data.error && answer.data.error.message) || "?"); return; }
        show(answer.data, f ? f.name : "", Math.round(performance.now() - started));
      }, function () { fail(i18n.network); })
      .then(function () { button.disabled = false; });
  });

  fileInput.addEventListener("change", function () {
    showFile();
    if (fileInput.files && fileInput.files[0]) { text.value = ""; }
  });
  text.addEventListener("input", function () { if (text.value) { clearFile(); } });
  $("clear-file").addEventListener("click", clearFile);
  $("again").addEventListener("click", function () {
    clearFile();
    text.value = "";
    result.hidden = true;
    status.textContent = "";
    frame.srcdoc = "";
    window.scrollTo(0, 0);
  });

  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  // a file dropped beside the drop zone must not make the browser leave the page to show it
  ["dragover", "drop"].forEach(function (type) {
    window.addEventListener(type, function (e) { e.preventDefault(); });
  });
  drop.addEventListener("drop", function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) {
      fileInput.files = e.dataTransfer.files;
      fileInput.dispatchEvent(new Event("change"));
    }
  });
})();
