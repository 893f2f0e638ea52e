/* tiltaksgraf site, home page: faceted browsing, full-text search and status charts over the measures.
   The data is window.TILTAKSGRAF_HOME (assets/home-data.js). Within a facet the chosen values are
   alternatives (or); across facets they all apply (and). Each value's count is the number of measures
   that would match if it were chosen too, so the counts follow the other filters and the search. */
(function () {
  "use strict";
  var data = window.TILTAKSGRAF_HOME;
  var tg = window.tiltaksgraf;
  var measures = data.measures;
  var facets = data.facets;
  var SHOWN = 8;
  var chosen = {};       // facet key -> Set of value ids
  var expanded = {};     // facet key -> true when every value is shown
  var query = "";

  // --- search: a small inverted index over words, with æ, ø and å as letters ------------------
  function norm(s) { return String(s || "").normalize("NFC").toLowerCase(); }
  function words(s) { return norm(s).match(/[\p{L}\p{N}]+/gu) || []; }
  // A word typed without æ, ø, å («forsok», «vaere») finds the word with them («forsøk», «være»).
  function fold(w) {
    return w.replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function plainLetters(w) { return fold(w) === w; }

  var FIELDS = ["title", "body_title", "description", "status"];
  var vocabulary = new Map();  // word -> Set of measure indexes
  measures.forEach(function (m, i) {
    var texts = [m.texts].concat(m.parts.map(function (p) { return p.texts; }));
    texts.forEach(function (tx) {
      FIELDS.forEach(function (f) {
        words(tx[f]).forEach(function (w) {
          if (!vocabulary.has(w)) { vocabulary.set(w, new Set()); }
          vocabulary.get(w).add(i);
        });
      });
    });
  });
  var vocabWords = Array.from(vocabulary.keys());
  var foldedWords = vocabWords.map(fold);

  // The words of the index a query word finds: those it begins (as typed, or folded if typed without æøå).
  function expand(q) {
    var folded = plainLetters(q);
    var found = [];
    for (var k = 0; k < vocabWords.length; k++) {
      if ((folded ? foldedWords[k] : vocabWords[k]).indexOf(q) === 0) { found.push(vocabWords[k]); }
    }
    return found;
  }

  // Measure index -> the words that matched (null: no search, every measure matches).
  function searchHits() {
    var qs = words(query);
    if (!qs.length) { return null; }
    var hits = null;
    var matched = [];
    qs.forEach(function (q) {
      var docs = new Set();
      var ws = expand(q);
      ws.forEach(function (w) { vocabulary.get(w).forEach(function (i) { docs.add(i); }); });
      matched = matched.concat(ws);
      hits = hits === null ? docs : new Set(Array.from(hits).filter(function (i) { return docs.has(i); }));
    });
    var out = new Map();
    hits.forEach(function (i) { out.set(i, matched); });
    return out;
  }

  // --- facets -------------------------------------------------------------------------------
  function passes(m, except) {
    for (var key in chosen) {
      if (key === except || !chosen[key].size) { continue; }
      var vs = m.f[key] || [];
      if (!vs.some(function (v) { return chosen[key].has(v); })) { return false; }
    }
    return true;
  }

  function counts(hits) {
    var out = {};
    facets.forEach(function (facet) {
      var c = {};
      measures.forEach(function (m, i) {
        if (hits && !hits.has(i)) { return; }
        if (!passes(m, facet.key)) { return; }
        (m.f[facet.key] || []).forEach(function (v) { c[v] = (c[v] || 0) + 1; });
      });
      out[facet.key] = c;
    });
    return out;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function renderFacets(c) {
    var holder = document.getElementById("facets");
    holder.textContent = "";
    facets.forEach(function (facet) {
      var box = el("fieldset", { "class": "facet", "data-facet": facet.key });
      box.appendChild(el("legend", {}, tg.t("facet-" + facet.key)));
      var sel = chosen[facet.key] || new Set();
      var values = facet.values;  // in the order of their totals (focus areas by number): values do not jump
      var limit = expanded[facet.key] ? values.length : SHOWN;
      values.forEach(function (v, k) {
        var n = c[facet.key][v.id] || 0;
        if (k >= limit && !sel.has(v.id)) { return; }
        var label = el("label", { "class": n ? "" : "empty", "title": tg.pick(v.title) || tg.pick(v.label) });
        var box1 = el("input", { type: "checkbox", "data-value": v.id });
        box1.checked = sel.has(v.id);
        box1.disabled = !n && !sel.has(v.id);
        box1.addEventListener("change", function () {
          if (!chosen[facet.key]) { chosen[facet.key] = new Set(); }
          if (box1.checked) { chosen[facet.key].add(v.id); } else { chosen[facet.key].delete(v.id); }
          update();
        });
        label.appendChild(box1);
        label.appendChild(el("span", { "class": "value" }, tg.pick(v.label)));
        label.appendChild(el("span", { "class": "count" }, String(n)));
        box.appendChild(label);
      });
      if (values.length > SHOWN) {
        var more = el("button", { type: "button", "class": "more" }, tg.t(expanded[facet.key] ? "show-fewer" : "show-more") +
          (expanded[facet.key] ? "" : " (" + values.length + ")"));
        more.addEventListener("click", function () { expanded[facet.key] = !expanded[facet.key]; update(); });
        box.appendChild(more);
      }
      holder.appendChild(box);
    });
  }

  // --- results ------------------------------------------------------------------------------
  var valueLabels = {};
  facets.forEach(function (f) { f.values.forEach(function (v) { valueLabels[f.key + " " + v.id] = v; }); });
  function valueLabel(key, id) { var v = valueLabels[key + " " + id]; return v ? tg.pick(v.label) : id; }

  function snippet(m, matched) {
    var wanted = new Set(matched);
    var texts = [[m.texts, null]].concat(m.parts.map(function (p) { return [p.texts, p]; }));
    for (var k = 0; k < texts.length; k++) {
      for (var j = 0; j < FIELDS.length; j++) {
        var text = texts[k][0][FIELDS[j]] || "";
        var low = norm(text);
        var re = /[\p{L}\p{N}]+/gu, w;
        while ((w = re.exec(low)) !== null) {
          if (wanted.has(w[0])) { return { part: texts[k][1], field: FIELDS[j], text: text, at: w.index }; }
        }
      }
    }
    return null;
  }

  function marked(text, at, wanted) {
    var start = Math.max(0, at - 80), end = Math.min(text.length, at + 140);
    var piece = (start ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
    var span = el("span", { "class": "snippet" });
    var re = /[\p{L}\p{N}]+/gu, last = 0, w;
    var low = norm(piece);
    while ((w = re.exec(low)) !== null) {
      if (!wanted.has(w[0])) { continue; }
      span.appendChild(document.createTextNode(piece.slice(last, w.index)));
      span.appendChild(el("mark", {}, piece.slice(w.index, w.index + w[0].length)));
      last = w.index + w[0].length;
    }
    span.appendChild(document.createTextNode(piece.slice(last)));
    return span;
  }

  function renderResults(list, hits) {
    var ol = document.getElementById("results");
    ol.textContent = "";
    list.forEach(function (i) {
      var m = measures[i];
      var li = el("li", { "class": "result", "data-measure": m.n });
      var a = el("a", { href: m.href }, tg.t("measure") + " " + m.n);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" " + m.texts.title + " "));
      (m.f.status || []).forEach(function (s) {
        var b = el("span", { "class": "badge status", style: "--c: " + (data.statusColours[s] || "#999") }, valueLabel("status", s));
        li.appendChild(b);
      });
      if (hits) {
        var found = snippet(m, hits.get(i));
        if (found) {
          var p = el("div", { "class": "hit" });
          p.appendChild(el("span", { "class": "muted" }, tg.t("hit-in") + " " +
            (found.part ? found.part.n + ", " : "") + tg.t("text-" + found.field) + ": "));
          p.appendChild(marked(found.text, found.at, new Set(hits.get(i))));
          li.appendChild(p);
        }
      }
      ol.appendChild(li);
    });
    if (!list.length) { ol.appendChild(el("li", { "class": "muted" }, tg.t("no-results"))); }
    document.getElementById("result-count").textContent =
      list.length + " " + tg.t("results-of") + " " + measures.length + " " + tg.t("results-measures");
  }

  // --- charts: status by focus area and by ministry, of the measures the filters let through ------
  function renderChart(holderId, key, list) {
    var holder = document.getElementById(holderId);
    holder.textContent = "";
    var facet = facets.filter(function (f) { return f.key === key; })[0];
    var rows = facet.values.map(function (v) {
      var by = {}, total = 0;
      list.forEach(function (i) {
        var m = measures[i];
        if ((m.f[key] || []).indexOf(v.id) < 0) { return; }
        (m.f.status || []).forEach(function (s) { by[s] = (by[s] || 0) + 1; });
        total++;
      });
      return { v: v, by: by, total: total };
    }).filter(function (r) { return r.total > 0; });
    if (key !== "focus_area") { rows.sort(function (a, b) { return b.total - a.total; }); }
    var max = Math.max.apply(null, [1].concat(rows.map(function (r) { return r.total; })));
    rows.forEach(function (r) {
      var row = el("div", { "class": "chart-row", "data-group": r.v.id, "data-total": String(r.total) });
      row.appendChild(el("span", { "class": "chart-label", title: tg.pick(r.v.title) || tg.pick(r.v.label) }, tg.pick(r.v.label)));
      var bar = el("span", { "class": "chart-bar" });
      data.statusOrder.forEach(function (s) {
        var n = r.by[s] || 0;
        if (!n) { return; }
        var seg = el("span", { "class": "seg", "data-status": s, style: "width:" + (100 * n / max) + "%;background:" +
          (data.statusColours[s] || "#999"), title: valueLabel("status", s) + ": " + n }, String(n));
        bar.appendChild(seg);
      });
      row.appendChild(bar);
      row.appendChild(el("span", { "class": "chart-total" }, String(r.total)));
      holder.appendChild(row);
    });
  }

  function renderLegend() {
    var holder = document.getElementById("chart-legend");
    holder.textContent = "";
    data.statusOrder.forEach(function (s) {
      var b = el("span", { "class": "badge status", style: "--c: " + (data.statusColours[s] || "#999") }, valueLabel("status", s));
      holder.appendChild(b);
      holder.appendChild(document.createTextNode(" "));
    });
  }

  // --- state in the address: index.html#status=completed&role=funding,executing&q=krisesenter ----
  function localName(id) { return id.replace(/\/$/, "").split(/[\/#]/).pop(); }
  function writeHash() {
    var parts = [];
    facets.forEach(function (f) {
      if (chosen[f.key] && chosen[f.key].size) {
        parts.push(f.key + "=" + Array.from(chosen[f.key]).map(function (v) { return encodeURIComponent(localName(v)); }).join(","));
      }
    });
    if (query) { parts.push("q=" + encodeURIComponent(query)); }
    var target = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    try { history.replaceState(null, "", target); } catch (e) { location.hash = parts.join("&"); }
  }
  function readHash() {
    chosen = {};
    query = "";
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length !== 2) { return; }
      var key = decodeURIComponent(kv[0]);
      if (key === "q") { query = decodeURIComponent(kv[1]); return; }
      var facet = facets.filter(function (f) { return f.key === key; })[0];
      if (!facet) { return; }
      chosen[key] = new Set();
      kv[1].split(",").forEach(function (name) {
        var n = decodeURIComponent(name);
        facet.values.forEach(function (v) { if (v.id === n || localName(v.id) === n) { chosen[key].add(v.id); } });
      });
    });
    document.getElementById("search").value = query;
  }

  function update() {
    var hits = searchHits();
    var c = counts(hits);
    var list = [];
    measures.forEach(function (m, i) { if ((!hits || hits.has(i)) && passes(m, null)) { list.push(i); } });
    renderFacets(c);
    renderResults(list, hits);
    renderChart("chart-focus-area", "focus_area", list);
    renderChart("chart-ministry", "ministry", list);
    renderLegend();
    writeHash();
  }

  var typing = null;
  document.getElementById("search").addEventListener("input", function (e) {
    clearTimeout(typing);
    typing = setTimeout(function () { query = e.target.value.trim(); update(); }, 120);
  });
  document.getElementById("clear").addEventListener("click", function () {
    chosen = {};
    query = "";
    document.getElementById("search").value = "";
    update();
  });
  window.addEventListener("hashchange", function () { readHash(); update(); });
  document.addEventListener("tiltaksgraf:lang", update);
  tg.home = { update: update, search: function (q) { query = q; document.getElementById("search").value = q; update(); } };
  readHash();
  update();
})();
