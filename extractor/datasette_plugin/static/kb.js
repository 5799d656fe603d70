/* Knowledge base pages: the questions-per-month chart, and the table search box.
   No library: a few SVG elements drawn from the questions_per_month canned query. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  /* rows: [{group_name, month, questions, answered}] -> [{month, questions, answered}] for one group or all */
  function series(rows, group) {
    var byMonth = {};
    rows.forEach(function (r) {
      if (group && r.group_name !== group) return;
      var m = byMonth[r.month] || (byMonth[r.month] = { month: r.month, questions: 0, answered: 0 });
      m.questions += r.questions;
      m.answered += r.answered;
    });
    return Object.keys(byMonth).sort().map(function (k) { return byMonth[k]; });
  }

  function pct(x) { return Math.round(100 * x) + "%"; }

  function render(box, data) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var W = 760, H = 260, L = 46, R = 46, T = 14, B = 44;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", class: "kb-chart-svg" }, box);
    el("title", {}, svg, "Questions per month (bars, answered part dark) and answered share (line)");
    if (!data.length) { el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg, "No questions"); return; }
    var max = Math.max.apply(null, data.map(function (d) { return d.questions; })) || 1;
    var step = (W - L - R) / data.length, bw = Math.max(2, step * 0.7);
    var y = function (v) { return T + (H - T - B) * (1 - v / max); };
    var yShare = function (s) { return T + (H - T - B) * (1 - s); };
    [0, 0.5, 1].forEach(function (f) {
      el("line", { x1: L, x2: W - R, y1: yShare(f), y2: yShare(f), class: "kb-grid" }, svg);
      el("text", { x: L - 6, y: yShare(f) + 4, "text-anchor": "end", class: "kb-axis" }, svg, Math.round(max * f));
      el("text", { x: W - R + 6, y: yShare(f) + 4, class: "kb-axis kb-share-axis" }, svg, pct(f));
    });
    var every = Math.ceil(data.length / 12), points = [];
    data.forEach(function (d, i) {
      var x = L + i * step + (step - bw) / 2, share = d.questions ? d.answered / d.questions : 0;
      var g = el("g", { class: "kb-month" }, svg);
      el("title", {}, g, d.month + ": " + d.questions + " questions, " + d.answered + " answered (" + pct(share) + ")");
      el("rect", { x: x, y: y(d.questions), width: bw, height: y(0) - y(d.questions), class: "kb-bar-all" }, g);
      el("rect", { x: x, y: y(d.answered), width: bw, height: y(0) - y(d.answered), class: "kb-bar-answered" }, g);
      points.push((x + bw / 2) + "," + yShare(share));
      if (i % every === 0) el("text", { x: x + bw / 2, y: H - B + 16, "text-anchor": "middle", class: "kb-axis" }, svg, d.month);
    });
    el("polyline", { points: points.join(" "), class: "kb-share" }, svg);
    points.forEach(function (p) {
      var xy = p.split(",");
      el("circle", { cx: xy[0], cy: xy[1], r: 3, class: "kb-share-dot" }, svg);
    });
    var legend = el("g", { class: "kb-legend" }, svg);
    el("rect", { x: L, y: H - 16, width: 10, height: 10, class: "kb-bar-answered" }, legend);
    el("text", { x: L + 14, y: H - 7, class: "kb-axis" }, legend, "answered");
    el("rect", { x: L + 90, y: H - 16, width: 10, height: 10, class: "kb-bar-all" }, legend);
    el("text", { x: L + 104, y: H - 7, class: "kb-axis" }, legend, "not answered");
    el("line", { x1: L + 200, x2: L + 220, y1: H - 11, y2: H - 11, class: "kb-share" }, legend);
    el("text", { x: L + 226, y: H - 7, class: "kb-axis" }, legend, "answered share (right axis)");
  }

  function chart(figure) {
    fetch(figure.getAttribute("data-kb-chart"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (rows) {
        var groups = Array.from(new Set(rows.map(function (r) { return r.group_name; }))).sort();
        var box = document.createElement("div");
        box.className = "kb-chart-box";
        if (groups.length > 1) {
          var select = document.createElement("select");
          select.setAttribute("aria-label", "Group");
          [""].concat(groups).forEach(function (g) {
            var o = document.createElement("option");
            o.value = g;
            o.textContent = g || "All groups";
            select.appendChild(o);
          });
          select.addEventListener("change", function () { render(box, series(rows, select.value)); });
          figure.appendChild(select);
        }
        figure.appendChild(box);
        render(box, series(rows, ""));
      })
      .catch(function (e) { figure.setAttribute("data-kb-chart-error", String(e)); });
  }

  /* The server searched for the segmented words; show the words the user typed. */
  function restoreSearchBox() {
    var typed = new URLSearchParams(window.location.search).get("_search");
    var input = document.querySelector('form input[name="_search"]');
    if (typed !== null && input) input.value = typed;
  }

  /* The search page shows the 100 best matches; the questions table has them all, with facets. */
  function linkEveryMatch() {
    var q = new URLSearchParams(window.location.search).get("q");
    var form = document.querySelector("form.sql");
    if (!q || !form || !document.body.classList.contains("query-search")) return;
    var p = document.createElement("p"), a = document.createElement("a");
    p.className = "kb-every-match";
    a.href = window.location.pathname.replace(/\/search$/, "/questions") + "?_search=" + encodeURIComponent(q);
    a.textContent = "Every match in the questions table, by group, month, topic and person";
    p.appendChild(a);
    form.parentNode.insertBefore(p, form.nextSibling);
  }

  /* The column descriptions of a table: there when wanted, out of the way of the rows. */
  function foldColumnDescriptions() {
    var dl = document.querySelector("dl.column-descriptions");
    if (!dl) return;
    var details = document.createElement("details"), summary = document.createElement("summary");
    details.className = "kb-columns";
    summary.textContent = "What the columns mean";
    dl.parentNode.insertBefore(details, dl);
    details.appendChild(summary);
    details.appendChild(dl);
  }

  document.addEventListener("DOMContentLoaded", function () {
    restoreSearchBox();
    foldColumnDescriptions();
    linkEveryMatch();
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-chart]"), chart);
  });
})();
