// Actor page: mentions, quotes and events per month as grouped bars in inline SVG.
(function () {
  "use strict";
  var svg = document.getElementById("timeline");
  var source = document.getElementById("timeline-data");
  if (!svg || !source) return;
  var rows = JSON.parse(source.textContent || "[]");
  var names = JSON.parse(svg.getAttribute("data-labels") || "{}");
  var NS = "http://www.w3.org/2000/svg";
  var series = [["mentions", "#2a6f97"], ["quotes", "#e76f51"], ["events", "#2d6a4f"]];

  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
    return node;
  }

  // Fill the months between the first and the last so gaps show as gaps.
  function months(list) {
    if (!list.length) return [];
    var byMonth = {};
    list.forEach(function (r) { byMonth[r.month] = r; });
    var first = list[0].month.split("-").map(Number), last = list[list.length - 1].month.split("-").map(Number);
    var out = [], y = first[0], m = first[1];
    while (y < last[0] || (y === last[0] && m <= last[1])) {
      var key = y + "-" + (m < 10 ? "0" : "") + m;
      out.push(byMonth[key] || { month: key, mentions: 0, quotes: 0, events: 0 });
      m += 1; if (m > 12) { m = 1; y += 1; }
      if (out.length > 600) break;
    }
    return out;
  }

  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var data = months(rows);
    var width = svg.clientWidth || 600, height = svg.clientHeight || 240;
    var pad = { l: 40, r: 12, t: 14, b: 34 };
    if (!data.length) {
      el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "–");
      return;
    }
    var max = 1;
    data.forEach(function (r) { series.forEach(function (s) { max = Math.max(max, r[s[0]] || 0); }); });
    var plotW = width - pad.l - pad.r, plotH = height - pad.t - pad.b;
    var group = plotW / data.length, bar = Math.max(2, Math.min(26, (group * 0.8) / series.length));
    var ticks = Math.min(max, 4);
    for (var i = 0; i <= ticks; i++) {
      var v = Math.round((max * i) / ticks), y = pad.t + plotH - (v / max) * plotH;
      el("line", { x1: pad.l, x2: width - pad.r, y1: y, y2: y, stroke: "#e3e8ee" });
      el("text", { x: pad.l - 6, y: y + 4, "text-anchor": "end" }, String(v));
    }
    var every = Math.ceil(data.length / Math.max(1, Math.floor(plotW / 60)));
    data.forEach(function (r, idx) {
      var x0 = pad.l + idx * group + (group - bar * series.length) / 2;
      series.forEach(function (s, k) {
        var value = r[s[0]] || 0, h = (value / max) * plotH;
        var rect = el("rect", {
          x: x0 + k * bar, y: pad.t + plotH - h, width: bar - 1, height: Math.max(h, value ? 1 : 0),
          fill: s[1], rx: 1, class: "bar bar-" + s[0], "data-month": r.month, "data-value": value
        });
        var title = document.createElementNS(NS, "title");
        title.textContent = r.month + ": " + value + " " + (names[s[0]] || s[0]);
        rect.appendChild(title);
      });
      if (idx % every === 0) {
        el("text", { x: pad.l + idx * group + group / 2, y: height - pad.b + 16, "text-anchor": "middle" }, r.month);
      }
    });
    el("line", { x1: pad.l, x2: width - pad.r, y1: pad.t + plotH, y2: pad.t + plotH, stroke: "#8a96a3" });
    svg.setAttribute("data-rendered", String(data.length));
  }

  draw();
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(draw, 150);
  });
})();
