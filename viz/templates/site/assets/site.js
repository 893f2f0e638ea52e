/* tiltaksgraf site: the language switch (remembered in localStorage) and the ego network of a page.
   Plain JavaScript, no library but vis-network (only on pages with a network). Works from file://. */
(function () {
  "use strict";
  var html = document.documentElement;
  var strings = window.TILTAKSGRAF_STRINGS || {};

  function lang() { return html.getAttribute("data-lang") === "en" ? "en" : "nb"; }
  function t(key) { var s = strings[key]; return s ? (s[lang()] || s.nb) : key; }
  function pick(label) { return (label && (label[lang()] || label.nb)) || ""; }

  function applyAttributes() {
    var l = lang();
    document.querySelectorAll("[data-ph-" + l + "]").forEach(function (el) {
      el.setAttribute("placeholder", el.getAttribute("data-ph-" + l));
    });
    document.querySelectorAll("[data-title-" + l + "]").forEach(function (el) {
      el.setAttribute("title", el.getAttribute("data-title-" + l));
    });
  }

  function setLang(l) {
    html.setAttribute("data-lang", l);
    html.lang = l;
    try { localStorage.setItem("tiltaksgraf.lang", l); } catch (e) { /* storage refused: this page only */ }
    applyAttributes();
    document.dispatchEvent(new CustomEvent("tiltaksgraf:lang", { detail: l }));
  }

  window.tiltaksgraf = { lang: lang, t: t, pick: pick, setLang: setLang };
  applyAttributes();
  var button = document.getElementById("lang-switch");
  if (button) { button.addEventListener("click", function () { setLang(lang() === "en" ? "nb" : "en"); }); }

  function stable() { document.body.setAttribute("data-state", "stable"); }

  // Drawn once every script of the page has run (the home page renders its lists synchronously).
  document.addEventListener("DOMContentLoaded", function () {
    var holder = document.getElementById("network");
    var source = document.getElementById("network-data");
    if (!holder || !source || !window.vis) { stable(); return; }
    var data = JSON.parse(source.textContent);
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(holder, { nodes: nodes, edges: edges }, data.options);
    window.tiltaksgraf.network = network;
    window.tiltaksgraf.nodes = nodes;
    function settled() { network.setOptions({ physics: false }); stable(); }
    network.once("stabilizationIterationsDone", settled);
    if (!data.options.physics || !data.options.physics.enabled || data.nodes.length === 0) { settled(); }
    network.on("doubleClick", function (e) {
      var node = e.nodes.length ? nodes.get(e.nodes[0]) : null;
      if (node && node.href) { window.location.href = node.href; }
    });
  });
})();
