/* tiltaksgraf site, the query page: two result views for YASR beside its table, drawn in the page.
   - chart: the numbers of a result as horizontal bars, one bar per row label (the first column that is not a
     number); with two label columns, the second makes the bars' stacked parts (status by ministry, status
     by focus area). Plain SVG.
   - network: every row joins the values of its first two columns that are not numbers (IRIs or names), the
     edge's weight is the row's first number; nodes sized by their weighted degree. Drawn with vis-network,
     the copy the site ships in assets/.
   Both offer themselves only for a result they can draw, and mark the drawing when it stands still
   (data-drawn on their element), which is what the browser tests wait for. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6",
    "#9d755d", "#bab0ac"];
  var NUMERIC = /#(integer|decimal|double|float|long|int|short|byte|nonNegativeInteger|positiveInteger|unsignedInt)$/;
  var prefixes = {};

  function isNumber(b) {
    return !!b && b.type !== "uri" && (NUMERIC.test(b.datatype || "") ||
      (!b.datatype && /^-?\d+(\.\d+)?$/.test(b.value)));
  }

  function shorten(value) {
    var best = "";
    Object.keys(prefixes).forEach(function (p) {
      var ns = prefixes[p];
      if (value.indexOf(ns) === 0 && ns.length > (prefixes[best] || "").length) { best = p; }
    });
    return best ? best + ":" + value.slice(prefixes[best].length) : value;
  }

  function shown(b) { return b ? (b.type === "uri" ? shorten(b.value) : b.value) : ""; }

  /** The columns of a SELECT result: those all of whose values are numbers, and the others. */
  function columns(yasr) {
    var r = yasr.results;
    if (!r || !r.getVariables || r.getType() !== "json" || !r.getBindings) { return null; }
    var vars = r.getVariables() || [];
    var rows = r.getBindings() || [];
    if (!vars.length || !rows.length) { return null; }
    var numbers = [], labels = [];
    vars.forEach(function (v) {
      var present = rows.filter(function (row) { return row[v]; });
      if (present.length && present.every(function (row) { return isNumber(row[v]); })) { numbers.push(v); }
      else { labels.push(v); }
    });
    return { rows: rows, numbers: numbers, labels: labels };
  }

  function icon(path) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    var p = document.createElementNS(SVG, "path");
    p.setAttribute("d", path);
    p.setAttribute("fill", "currentColor");
    svg.appendChild(p);
    var span = document.createElement("span");
    span.appendChild(svg);
    return span;
  }

  function el(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // --- chart -------------------------------------------------------------------------------------

  function Chart(yasr) { this.yasr = yasr; }
  Chart.prototype.priority = 5;
  Chart.prototype.label = "Chart";
  Chart.prototype.canHandleResults = function () {
    var c = columns(this.yasr);
    return !!c && c.numbers.length > 0 && c.labels.length > 0;
  };
  Chart.prototype.getIcon = function () { return icon("M3 3h2v18H3zm4 10h3v6H7zm5-6h3v12h-3zm5 3h3v9h-3z"); };
  Chart.prototype.draw = function () {
    var c = columns(this.yasr);
    var value = c.numbers[0];
    var category = c.labels[0];
    var series = c.labels.length > 1 && c.numbers.length === 1 ? c.labels[1] : null;
    var bars = {}, order = [], parts = [];
    c.rows.forEach(function (row) {
      var key = shown(row[category]);
      var part = series ? shown(row[series]) : value;
      if (!(key in bars)) { bars[key] = {}; order.push(key); }
      if (parts.indexOf(part) < 0) { parts.push(part); }
      bars[key][part] = (bars[key][part] || 0) + Number(row[value] ? row[value].value : 0);
    });
    order = order.slice(0, 60);
    var totals = order.map(function (k) {
      return parts.reduce(function (s, p) { return s + (bars[k][p] || 0); }, 0);
    });
    var max = Math.max.apply(null, totals.concat([1]));
    var labelWidth = 210, width = 880, barArea = width - labelWidth - 60, rowHeight = 22, top = 30;
    var height = top + order.length * rowHeight + 20;
    var svg = el("svg", { "class": "tg-chart", width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": (series ? series + " by " + category : value + " by " + category) });
    var x = labelWidth;
    parts.forEach(function (p, i) {  // legend
      var lx = labelWidth + (i % 6) * 110, ly = 6 + Math.floor(i / 6) * 14;
      svg.appendChild(el("rect", { x: lx, y: ly, width: 10, height: 10, fill: PALETTE[i % PALETTE.length] }));
      svg.appendChild(el("text", { x: lx + 14, y: ly + 9, "font-size": 11 }, p.length > 16 ? p.slice(0, 15) + "…" : p));
    });
    top += Math.floor((parts.length - 1) / 6) * 14;
    svg.setAttribute("height", height + Math.floor((parts.length - 1) / 6) * 14);
    order.forEach(function (k, i) {
      var y = top + i * rowHeight;
      svg.appendChild(el("text", { x: labelWidth - 8, y: y + 15, "text-anchor": "end", "font-size": 12 },
        k.length > 32 ? k.slice(0, 31) + "…" : k));
      x = labelWidth;
      parts.forEach(function (p, j) {
        var n = bars[k][p] || 0;
        if (!n) { return; }
        var w = barArea * n / max;
        var r = el("rect", { x: x, y: y + 3, width: Math.max(w, 1), height: rowHeight - 6,
          fill: PALETTE[j % PALETTE.length], "class": "bar" });
        r.appendChild(el("title", {}, k + (series ? " · " + p : "") + ": " + n));
        svg.appendChild(r);
        x += w;
      });
      svg.appendChild(el("text", { x: x + 6, y: y + 15, "font-size": 12, fill: "#5b6773" }, String(totals[i])));
    });
    var holder = document.createElement("div");
    holder.className = "tg-view tg-chart-view";
    holder.appendChild(svg);
    holder.setAttribute("data-drawn", String(order.length));
    this.yasr.resultsEl.appendChild(holder);
  };

  // --- network -----------------------------------------------------------------------------------

  function Network(yasr) { this.yasr = yasr; }
  Network.prototype.priority = 4;
  Network.prototype.label = "Network";
  Network.prototype.canHandleResults = function () {
    var c = columns(this.yasr);
    return !!c && c.labels.length >= 2 && !!window.vis;
  };
  Network.prototype.getIcon = function () {
    return icon("M6 3a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm12 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM8 16a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM8.6 7.6l6.9 1.6-.4 1.6-6.9-1.6zm-.9 1.9l1.8 6.6-1.6.4-1.8-6.6zm8.8 3.1l1.2 1.2-6.3 5.6-1.2-1.2z");
  };
  Network.prototype.draw = function () {
    var c = columns(this.yasr);
    var a = c.labels[0], b = c.labels[1], w = c.numbers[0];
    var nodes = {}, edges = {};
    c.rows.slice(0, 2000).forEach(function (row) {
      if (!row[a] || !row[b]) { return; }
      var s = shown(row[a]), t = shown(row[b]);
      var weight = w && row[w] ? Number(row[w].value) : 1;
      [[s, a], [t, b]].forEach(function (pair) {
        var n = nodes[pair[0]] || (nodes[pair[0]] = { id: pair[0], label: pair[0], group: pair[1], degree: 0 });
        n.degree += weight;
      });
      if (s === t) { return; }
      var key = s < t ? s + "\u0000" + t : t + "\u0000" + s;
      var e = edges[key] || (edges[key] = { from: s, to: t, value: 0 });
      e.value += weight;
    });
    var nodeList = Object.keys(nodes).map(function (k) {
      var n = nodes[k];
      return { id: n.id, label: n.label.length > 28 ? n.label.slice(0, 27) + "…" : n.label, title: n.id,
        value: n.degree, group: n.group };
    });
    var edgeList = Object.keys(edges).map(function (k) {
      var e = edges[k];
      return { from: e.from, to: e.to, value: e.value, title: e.from + " – " + e.to + ": " + e.value };
    });
    var holder = document.createElement("div");
    holder.className = "tg-view tg-network-view";
    var canvas = document.createElement("div");
    canvas.className = "tg-network";
    holder.appendChild(canvas);
    var note = document.createElement("p");
    note.className = "muted small";
    note.textContent = nodeList.length + " nodes (" + a + ", " + b + "), " + edgeList.length + " edges" +
      (w ? " weighted by " + w : "");
    holder.appendChild(note);
    this.yasr.resultsEl.appendChild(holder);
    var network = new vis.Network(canvas, { nodes: new vis.DataSet(nodeList), edges: new vis.DataSet(edgeList) }, {
      nodes: { shape: "dot", scaling: { min: 6, max: 30 }, font: { size: 12 } },
      edges: { color: { color: "#9aa7b4", highlight: "#0b5cad" }, scaling: { min: 1, max: 8 }, smooth: false },
      physics: { stabilization: { iterations: 300 }, barnesHut: { springLength: 120 } },
      interaction: { hover: true, tooltipDelay: 100 }
    });
    window.tiltaksgraf.queryNetwork = network;
    function still() {
      network.setOptions({ physics: false });
      network.fit();
      holder.setAttribute("data-drawn", String(nodeList.length));
    }
    network.once("stabilizationIterationsDone", still);
    if (!nodeList.length) { still(); }
  };

  window.TiltaksgrafViews = {
    register: function (Yasr, known) {
      prefixes = known || {};
      Yasr.registerPlugin("chart", Chart);
      Yasr.registerPlugin("network", Network);
    }
  };
})();
