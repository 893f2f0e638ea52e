/* tiltaksgraf site, the query page: YASGUI (served from the site) set up for this graph.
   - the endpoint is the server's own /query when the page comes from `tiltaksgraf serve` (or any server that
     puts a SPARQL endpoint beside the site); opened from disk it names the default address of serve;
   - every named query of queries/ is an example (window.TILTAKSGRAF_QUERIES, written by `tiltaksgraf site`
     from the queries' headers), with the project's prefixes declared;
   - nothing is looked up on the internet: the prefix completion offers the project's prefixes, the class and
     property completion (which asks the LOV service) is off, and the endpoint list holds this endpoint only;
   - results show as a table, a chart or a network (assets/query-views.js). */
(function () {
  "use strict";
  var Q = window.TILTAKSGRAF_QUERIES;
  var tg = window.tiltaksgraf;
  var fromDisk = location.protocol === "file:";
  var endpoint = fromDisk ? Q.defaultEndpoint : new URL(Q.endpoint, location.href).href;
  if (fromDisk) { document.getElementById("offline-note").hidden = false; }

  var Yasqe = Yasgui.Yasqe;
  // Prefix completion from the project's list, not from prefix.cc or the list bundled in YASQE.
  var prefixLines = Object.keys(Q.prefixes).sort().map(function (p) { return p + ": <" + Q.prefixes[p] + ">"; });
  Yasqe.forkAutocompleter("prefixes", {
    name: "tiltaksgraf-prefixes",
    persistenceId: null,
    get: function () { return Promise.resolve(prefixLines); }
  }, false);
  var completers = Yasqe.defaults.autocompleters;
  completers.splice(0, completers.length, "tiltaksgraf-prefixes", "variables");
  Yasqe.defaults.prefixCcApi = null;

  window.TiltaksgrafViews.register(Yasgui.Yasr, Q.prefixes);
  var order = Yasgui.Yasr.defaults.pluginOrder;
  order.splice(0, order.length, "table", "chart", "network", "response");

  var byName = {};
  Q.examples.forEach(function (e) { byName[e.name] = e; });
  var first = byName[Q.first] || Q.examples[0];

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    autofocus: false,
    tabName: first.name,
    persistenceId: "tiltaksgraf-query",
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; },
      keys: []
    },
    yasqe: { value: first.query, collapsePrefixesOnLoad: true },
    yasr: { prefixes: Q.prefixes, defaultPlugin: "table" }
  });
  window.tiltaksgraf.yasgui = yasgui;

  function about(e) {
    var box = document.getElementById("example-about");
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = e.description;
    box.appendChild(p);
    if (e.params.length) {
      var h = document.createElement("p");
      h.className = "muted";
      h.textContent = tg.t("query-parameters") + ": " + tg.t("query-parameters-note");
      box.appendChild(h);
      var ul = document.createElement("ul");
      e.params.forEach(function (param) {
        var li = document.createElement("li");
        var code = document.createElement("code");
        code.textContent = "?" + param.name;
        li.appendChild(code);
        var flags = [param.type];
        if (param.default) { flags.push("default " + param.default); }
        if (param.optional) { flags.push("optional"); }
        if (param.repeatable) { flags.push("repeatable"); }
        li.appendChild(document.createTextNode(" (" + flags.join(", ") + "): " + param.doc));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (e.columns.length) {
      var c = document.createElement("p");
      c.className = "muted small";
      c.textContent = tg.t("query-columns") + ": " + e.columns.join(", ");
      box.appendChild(c);
    }
  }

  /** Open the example in its own tab (named after the query), or go back to that tab if it is open. */
  function open(name) {
    var e = byName[name];
    if (!e) { return null; }
    var tab = null;
    Object.keys(yasgui._tabs).forEach(function (id) {
      if (yasgui._tabs[id].getName() === name) { tab = yasgui._tabs[id]; }
    });
    if (tab) {
      yasgui.selectTabId(tab.getId());
      if (tab.getQuery() !== e.query) { tab.setQuery(e.query); }
    } else {
      tab = yasgui.addTab(true, { name: name, yasqe: { value: e.query } });
    }
    document.getElementById("example").value = name;
    about(e);
    return tab;
  }
  window.tiltaksgraf.openExample = open;

  var select = document.getElementById("example");
  select.value = first.name;
  about(first);
  select.addEventListener("change", function () { open(select.value); });
  document.addEventListener("tiltaksgraf:lang", function () { about(byName[select.value] || first); });
})();
