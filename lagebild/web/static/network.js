// Network page: a small force layout (repulsion, springs, centring) on SVG, no library.
// Nodes are actors (radius by mentions, colour by label); edges are typed and can be hidden.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!svg || !source) return;
  var graph = JSON.parse(source.textContent || '{"nodes":[],"edges":[]}');
  var labels = JSON.parse((document.getElementById("network-labels") || {}).textContent || "{}");
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = { PER: "#f4a261", ORG: "#4a90c2", LOC: "#52b788", GPE: "#2a9d8f", MISC: "#9d8df1" };
  var width = svg.clientWidth || 900, height = svg.clientHeight || 560;
  var hidden = {};
  // Repulsion grows with the drawing area, so small graphs spread out and large ones still fit.
  var REPULSION = (width * height) / Math.max(8, graph.nodes.length) * 0.7;

  function make(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (parent || svg).appendChild(node);
    return node;
  }

  var byId = {};
  var maxMentions = 1;
  graph.nodes.forEach(function (n, i) {
    var angle = (2 * Math.PI * i) / Math.max(1, graph.nodes.length);
    n.x = width / 2 + Math.cos(angle) * Math.min(width, height) * 0.3;
    n.y = height / 2 + Math.sin(angle) * Math.min(width, height) * 0.3;
    n.vx = 0; n.vy = 0;
    byId[n.id] = n;
    maxMentions = Math.max(maxMentions, n.mentions);
  });
  graph.nodes.forEach(function (n) { n.r = 5 + 14 * Math.sqrt(n.mentions / maxMentions); });
  var edges = graph.edges.filter(function (e) { return byId[e.source] && byId[e.target]; });
  var maxWeight = 1;
  edges.forEach(function (e) { maxWeight = Math.max(maxWeight, e.weight); });

  var defs = make("defs", {});
  ["quote", "event"].forEach(function (type) {
    var marker = make("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
    make("path", { d: "M0,0L10,5L0,10z", fill: type === "quote" ? "#2a6f97" : "#c0392b" }, marker);
  });
  var edgeLayer = make("g", { class: "edges" });
  var nodeLayer = make("g", { class: "nodes" });
  edges.forEach(function (e) {
    e.line = make("line", {
      class: "edge edge-" + e.type, "stroke-width": 1 + 3 * (e.weight / maxWeight),
      "stroke-opacity": e.type === "co-mention" ? 0.45 : 0.85,
      "marker-end": e.type === "co-mention" ? "" : "url(#arrow-" + e.type + ")"
    }, edgeLayer);
    var title = document.createElementNS(NS, "title");
    title.textContent = byId[e.source].name + " – " + byId[e.target].name + ": " +
      (labels[e.type] || e.type) + (e.label ? " " + e.label : "") + " (" + e.weight + ")";
    e.line.appendChild(title);
  });
  graph.nodes.forEach(function (n) {
    n.g = make("g", { class: "node", tabindex: "0", role: "link", "data-id": n.id }, nodeLayer);
    make("circle", { r: n.r, fill: COLORS[n.label] || "#999" }, n.g);
    var text = make("text", { x: n.r + 3, y: 4 }, n.g);
    text.textContent = n.name;
    var title = document.createElementNS(NS, "title");
    title.textContent = n.name + " (" + n.label + ", " + n.mentions + ")";
    n.g.appendChild(title);
    n.g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(n); });
  });

  function open(n) {
    window.location.href = "/actors/" + encodeURIComponent(n.id) + (labels.suffix || "");
  }

  function visible(e) { return !hidden[e.type]; }

  function step(alpha) {
    var nodes = graph.nodes, i, j;
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j], dx = b.x - a.x, dy = b.y - a.y;
        var d2 = dx * dx + dy * dy + 0.01, d = Math.sqrt(d2);
        var force = (REPULSION * alpha) / d2;
        var min = a.r + b.r + 12;
        if (d < min) force += ((min - d) / d) * 0.5 * alpha;
        dx /= d; dy /= d;
        a.vx -= dx * force; a.vy -= dy * force; b.vx += dx * force; b.vy += dy * force;
      }
    }
    edges.forEach(function (e) {
      if (!visible(e)) return;
      var a = byId[e.source], b = byId[e.target], dx = b.x - a.x, dy = b.y - a.y;
      var d = Math.sqrt(dx * dx + dy * dy) || 1, rest = 70 + a.r + b.r;
      // Co-mentions are many and weak; quotes and events pull harder.
      var strength = e.type === "co-mention" ? 0.004 : 0.02;
      var k = strength * alpha * (0.5 + e.weight / maxWeight) * (d - rest) / d;
      a.vx += dx * k; a.vy += dy * k; b.vx -= dx * k; b.vy -= dy * k;
    });
    nodes.forEach(function (n) {
      n.vx += (width / 2 - n.x) * 0.004 * alpha;
      n.vy += (height / 2 - n.y) * 0.004 * alpha;
      if (n.fixed) { n.vx = 0; n.vy = 0; return; }
      n.vx *= 0.6; n.vy *= 0.6;
      var speed = Math.sqrt(n.vx * n.vx + n.vy * n.vy), cap = 2 + 20 * alpha;
      if (speed > cap) { n.vx *= cap / speed; n.vy *= cap / speed; }
      n.x = Math.max(n.r + 2, Math.min(width - n.r - 90, n.x + n.vx));
      n.y = Math.max(n.r + 12, Math.min(height - n.r - 12, n.y + n.vy));
    });
  }

  function paint() {
    edges.forEach(function (e) {
      var a = byId[e.source], b = byId[e.target];
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      e.line.setAttribute("x1", a.x); e.line.setAttribute("y1", a.y);
      e.line.setAttribute("x2", b.x - (dx / d) * b.r); e.line.setAttribute("y2", b.y - (dy / d) * b.r);
      e.line.style.display = visible(e) ? "" : "none";
    });
    graph.nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
  }

  var alpha = 1;
  function tick() {
    for (var k = 0; k < 3; k++) step(alpha);
    paint();
    alpha *= 0.97;
    if (alpha > 0.02) window.requestAnimationFrame(tick);
    else svg.setAttribute("data-settled", "true");
  }
  function reheat() { if (alpha <= 0.02) { alpha = 0.4; window.requestAnimationFrame(tick); } else alpha = Math.max(alpha, 0.4); }
  paint();
  svg.setAttribute("data-nodes", String(graph.nodes.length));
  svg.setAttribute("data-edges", String(edges.length));
  window.requestAnimationFrame(tick);

  // Dragging moves a node; a click without movement opens the actor.
  var drag = null;
  function point(ev) {
    var box = svg.getBoundingClientRect();
    return { x: ev.clientX - box.left, y: ev.clientY - box.top };
  }
  svg.addEventListener("pointerdown", function (ev) {
    var g = ev.target.closest ? ev.target.closest(".node") : null;
    if (!g) return;
    var n = graph.nodes.filter(function (x) { return x.id === g.getAttribute("data-id"); })[0];
    drag = { node: n, moved: false, start: point(ev) };
    n.fixed = true;
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var p = point(ev);
    if (Math.abs(p.x - drag.start.x) + Math.abs(p.y - drag.start.y) > 3) drag.moved = true;
    drag.node.x = p.x; drag.node.y = p.y;
    paint(); reheat();
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) return;
    drag.node.fixed = false;
    if (!drag.moved) open(drag.node);
    drag = null;
  });
  document.querySelectorAll("[data-edge-type]").forEach(function (box) {
    box.addEventListener("change", function () {
      hidden[box.getAttribute("data-edge-type")] = !box.checked;
      paint(); reheat();
    });
  });
})();
