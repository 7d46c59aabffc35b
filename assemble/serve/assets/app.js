// The app's one script. Every page works without it (forms post, the
// build page refreshes); with it, validation runs as the user types and
// the build page follows its job.
(function () {
  "use strict";
  var token = (document.querySelector('meta[name="mou-token"]') || {}).content || "";

  function parent(path) {
    if (path.charAt(path.length - 1) === "]") {
      var i = path.lastIndexOf("[");
      if (i >= 0) return path.slice(0, i);
    }
    var q = false;
    for (var j = path.length - 1; j >= 0; j--) {
      var c = path.charAt(j);
      if (c === '"') q = !q;
      else if (c === "." && !q) return path.slice(0, j);
    }
    return "";
  }

  function changed(el) {
    if (el.tagName === "SELECT") {
      for (var i = 0; i < el.options.length; i++) {
        if (el.options[i].selected !== el.options[i].defaultSelected) return true;
      }
      return false;
    }
    if (el.type === "checkbox") return el.checked !== el.defaultChecked;
    return el.value !== el.defaultValue;
  }

  function fields(form) {
    var out = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.name === "csrf" || el.name === "base" || el.name === "op" || el.type === "submit") continue;
      out.push(el);
    }
    return out;
  }

  function message(f) {
    var p = document.createElement("p");
    p.className = f.severity || "error";
    p.textContent = f.message + (f.hint ? " — " + f.hint : "");
    return p;
  }

  function place(path) {
    for (var p = path; p; p = parent(p)) {
      var box = document.getElementById("e-" + p);
      if (box) return {box: box, path: p};
    }
    return null;
  }

  function show(form, resp) {
    var boxes = form.querySelectorAll(".messages");
    for (var i = 0; i < boxes.length; i++) boxes[i].textContent = "";
    var inv = form.querySelectorAll("[aria-invalid]");
    for (var k = 0; k < inv.length; k++) inv[k].removeAttribute("aria-invalid");
    var unplaced = document.getElementById("unplaced");
    if (unplaced) unplaced.textContent = "";
    var all = (resp.problems || []).map(function (p) { return {path: p.path, severity: "error", message: p.message}; })
      .concat(resp.findings || []);
    var here = 0;
    all.forEach(function (f) {
      var at = place(f.path);
      if (!at) return;
      here++;
      at.box.appendChild(message(f));
      if (f.severity === "error") {
        var ctl = document.getElementById("f-" + at.path);
        if (ctl && (ctl.tagName === "INPUT" || ctl.tagName === "SELECT" || ctl.tagName === "TEXTAREA")) ctl.setAttribute("aria-invalid", "true");
      }
    });
    var counts = document.getElementById("summary-counts");
    if (counts) {
      var e = resp.errors + (resp.problems || []).length, w = resp.warnings;
      counts.textContent = e || w ? "The data would have " + e + (e === 1 ? " error" : " errors") + " and " + w + (w === 1 ? " warning" : " warnings") + " if saved now." : "No problems found.";
    }
    var links = document.querySelectorAll("nav.side a[href*='/edit/']");
    for (var n = 0; n < links.length; n++) {
      var a = links[n], id = a.getAttribute("href").split("/edit/")[1];
      var c = a.querySelector(".count");
      var num = (resp.pages || {})[id] || 0;
      if (!c && num) { c = document.createElement("span"); c.className = "count"; a.appendChild(document.createTextNode(" ")); a.appendChild(c); }
      if (c) c.textContent = num ? "(" + num + (num === 1 ? " problem)" : " problems)") : "";
    }
  }

  function setupEdit(form) {
    var timer = null, seq = 0, dirty = false;
    var state = document.getElementById("state");
    function run() {
      var values = {};
      fields(form).forEach(function (el) { if (changed(el)) values[el.name] = el.value; });
      dirty = Object.keys(values).length > 0;
      if (state) state.textContent = dirty ? "Unsaved changes" : "";
      var mine = ++seq;
      fetch(form.getAttribute("data-validate"), {
        method: "POST",
        headers: {"Content-Type": "application/json", "X-Mou-Token": token},
        body: JSON.stringify({base: document.getElementById("base").value, values: values})
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (resp) {
        if (resp && mine === seq) show(form, resp);
      }).catch(function () {});
    }
    function soon() { clearTimeout(timer); timer = setTimeout(run, 150); }
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    form.addEventListener("submit", function (ev) {
      var b = ev.submitter;
      if (b && b.getAttribute("data-confirm") && !window.confirm(b.getAttribute("data-confirm"))) { ev.preventDefault(); return; }
      dirty = false;
    });
    window.addEventListener("beforeunload", function (ev) { if (dirty) { ev.preventDefault(); ev.returnValue = ""; } });
    var focus = form.getAttribute("data-focus");
    if (focus) {
      var el = document.getElementById("f-" + focus);
      if (el) {
        var first = el.matches("input,select,textarea") ? el : el.querySelector("input,select,textarea");
        (first || el).focus();
      }
    }
  }

  function setupJob(box) {
    function poll() {
      fetch(box.getAttribute("data-job"), {headers: {"X-Mou-Token": token}}).then(function (r) { return r.json(); }).then(function (j) {
        var steps = document.getElementById("job-steps");
        steps.textContent = "";
        j.steps.forEach(function (s) { var li = document.createElement("li"); li.textContent = s; steps.appendChild(li); });
        var st = document.getElementById("job-state");
        if (j.state === "running") { setTimeout(poll, 1000); return; }
        box.setAttribute("data-state", j.state);
        st.textContent = j.state === "done" ? "The documents are ready." : "The build failed: nothing was made.";
        if (j.error) { var pre = document.createElement("pre"); pre.className = "failure"; pre.textContent = j.error; box.appendChild(pre); }
        if (j.download) {
          var d = document.getElementById("job-download"), a = document.getElementById("download");
          a.href = j.download; d.hidden = false;
        }
      }).catch(function () { setTimeout(poll, 2000); });
    }
    if (box.getAttribute("data-state") === "running") poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("edit");
    if (form) setupEdit(form);
    var job = document.getElementById("job");
    if (job) setupJob(job);
  });
})();
