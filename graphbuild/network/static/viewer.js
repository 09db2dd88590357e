/* graphbuild viewer: draws the network from the JSON in #graph-data with vis-network.
 * Every string from the data becomes a DOM text node (textContent) or a canvas label;
 * nothing is ever parsed as HTML, and links get an href only when it is http(s). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var cfg = data.config;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var styles = {};
  data.groups.forEach(function (g) { styles[g.name] = g; });
  var state = { groups: {}, docs: {}, limit: cfg.initial, pinned: {}, shown: {}, edgeHidden: {} };
  data.groups.forEach(function (g) { state.groups[g.name] = true; });
  data.documents.forEach(function (d, i) { state.docs[i] = true; });
  var api = { ready: false, data: data };
  window.graphbuild = api;

  // ---- small DOM helpers (text only) ----
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function safeHref(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }

  // Accent- and case-insensitive key: "Qāsem  SOLEIMANI" -> "qasem soleimani".
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  // ---- vis data ----
  function visNode(n) {
    var g = styles[n.group] || styles.Other;
    var item = { id: n.id, label: n.label, shape: g.shape, size: n.size, hidden: false,
             color: { background: g.color, border: "#333333", highlight: { background: g.color, border: "#000000" } } };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, label: e.label, arrows: e.arrows, hidden: false };
  }));
  var big = cfg.big;
  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: data.nodes.length <= 100 },
    physics: {
      enabled: cfg.physics && data.nodes.length > 1,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -9000, springLength: 150, springConstant: 0.03, damping: 0.25, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: cfg.iterations, updateInterval: 100, fit: true }
    },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false, keyboard: false, tooltipDelay: 100000 },
    nodes: { borderWidth: 1, font: { size: 14, face: "system-ui, sans-serif", color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { enabled: true, drawThreshold: 7 } } },
    edges: { width: 1, color: { color: "#a8a8a8", highlight: "#333333", hover: "#555555" },
             font: { size: 10, face: "system-ui, sans-serif", color: "#555555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
             arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             smooth: big ? false : { type: "continuous" }, selectionWidth: 2 }
  };
  var network = null;
  api.nodes = nodes;
  api.edges = edges;

  // ---- filters: class, document, number shown ----
  function docsPass(docs) {
    if (!docs || docs.length === 0) { return true; }
    for (var i = 0; i < docs.length; i++) { if (state.docs[docs[i]]) { return true; } }
    return false;
  }
  var byRank = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  function apply() {
    var shown = {}, count = 0;
    byRank.forEach(function (n) {
      if (state.groups[n.group] && docsPass(n.docs) && count < state.limit) { shown[n.id] = true; count++; }
    });
    Object.keys(state.pinned).forEach(function (id) { if (!shown[id]) { shown[id] = true; count++; } });
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var hide = !shown[n.id];
      if (hide !== !state.shown[n.id]) { nodeUpdates.push({ id: n.id, hidden: hide }); }
    });
    var edgeUpdates = [];
    data.edges.forEach(function (e) {
      var hide = !(shown[e.from] && shown[e.to] && docsPass(e.docs));
      if (hide !== !!state.edgeHidden[e.id]) { edgeUpdates.push({ id: e.id, hidden: hide }); state.edgeHidden[e.id] = hide; }
    });
    state.shown = shown;
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    document.body.setAttribute("data-nodes-shown", String(count));
    var edgeCount = data.edges.filter(function (e) { return !state.edgeHidden[e.id]; }).length;
    $("summary").textContent = count + " of " + data.nodes.length + " nodes, " + edgeCount + " of " + data.edges.length + " edges, " +
      data.documents.length + (data.documents.length === 1 ? " article" : " articles");
  }
  data.nodes.forEach(function (n) { state.shown[n.id] = true; });
  api.shownCount = function () { return Object.keys(state.shown).length; };
  api.setLimit = function (k) {
    state.limit = k;
    $("limit").value = String(k);
    $("limit-value").textContent = String(k);
    apply();
  };


  // Hidden nodes are set before the network exists, so the first drawing is the final one.
  apply();
  network = new vis.Network($("network"), { nodes: nodes, edges: edges }, options);
  api.network = network;

  // Physics only lays the graph out; once stable, nothing moves unless dragged.
  var settled = !options.physics.enabled;
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    settled = true;
    network.redraw();
  });
  network.on("afterDrawing", function () {
    if (settled && !api.ready) {
      api.ready = true;
      document.body.setAttribute("data-ready", "1");
    }
  });

  // Legend doubles as the class filter.
  var counts = {};
  data.nodes.forEach(function (n) { counts[n.group] = (counts[n.group] || 0) + 1; });
  data.groups.forEach(function (g) {
    if (!counts[g.name]) { return; }
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () { state.groups[g.name] = box.checked; apply(); });
    var swatch = el("span", "swatch shape-" + g.shape);
    swatch.style.backgroundColor = g.color;
    label.appendChild(box); label.appendChild(swatch);
    label.appendChild(el("span", null, g.name + " (" + counts[g.name] + ")"));
    li.appendChild(label); $("legend").appendChild(li);
  });
  data.documents.forEach(function (d, i) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () { state.docs[i] = box.checked; apply(); });
    label.appendChild(box);
    label.appendChild(el("span", null, d.title || d.id));
    li.appendChild(label); $("documents").appendChild(li);
  });
  var limit = $("limit");
  limit.max = String(Math.max(1, data.nodes.length));
  limit.value = String(state.limit);
  $("limit-value").textContent = String(state.limit);
  limit.addEventListener("input", function () { $("limit-value").textContent = limit.value; });
  limit.addEventListener("change", function () { api.setLimit(parseInt(limit.value, 10) || 1); });

  // ---- search by any name ----
  var names = [];
  data.nodes.forEach(function (n) {
    [n.label].concat(n.alt || []).forEach(function (name) { names.push({ key: fold(name), name: name, node: n }); });
  });
  var datalist = $("names"), listed = {};
  names.forEach(function (x) {
    if (listed[x.name]) { return; }
    listed[x.name] = true;
    var option = el("option"); option.value = x.name; datalist.appendChild(option);
  });
  function search(query) {
    var q = fold(query);
    if (!q) { return []; }
    var best = {};
    names.forEach(function (x) {
      var score = x.key === q ? 0 : x.key.indexOf(q) === 0 ? 1 : (" " + x.key).indexOf(" " + q) >= 0 ? 2 : x.key.indexOf(q) >= 0 ? 3 : -1;
      if (score < 0) { return; }
      var prev = best[x.node.id];
      if (prev === undefined || score < prev.score) { best[x.node.id] = { score: score, node: x.node, name: x.name }; }
    });
    return Object.keys(best).map(function (k) { return best[k]; })
      .sort(function (a, b) { return a.score - b.score || a.node.rank - b.node.rank; });
  }
  function focus(id) {
    if (!state.shown[id]) { state.pinned[id] = true; apply(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
  }
  api.search = search;
  api.focus = focus;
  api.find = function (query) {
    var hits = search(query);
    if (hits.length) { focus(hits[0].node.id); return hits[0].node.id; }
    return null;
  };
  var input = $("search"), results = $("search-results");
  function listResults() {
    results.textContent = "";
    search(input.value).slice(0, 12).forEach(function (hit) {
      var li = el("li"), button = el("button", "link", hit.node.label);
      button.type = "button";
      if (hit.name !== hit.node.label) { li.appendChild(button); li.appendChild(el("span", "hint", " (" + hit.name + ")")); }
      else { li.appendChild(button); }
      button.addEventListener("click", function () { focus(hit.node.id); });
      results.appendChild(li);
    });
  }
  input.addEventListener("input", listResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); api.find(input.value); }
  });

  // ---- side panel ----
  var panel = $("panel"), body = $("panel-body");
  $("panel-close").addEventListener("click", function () { panel.hidden = true; network.unselectAll(); });
  function section(title) { var s = el("section"); s.appendChild(el("h3", null, title)); body.appendChild(s); return s; }
  function docLine(index) {
    var d = data.documents[index], p = el("p", "source");
    if (!d) { return p; }
    var href = safeHref(d.url), title = d.title || d.id;
    if (href) {
      var a = el("a", null, title);
      a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
      p.appendChild(a);
    } else {
      p.appendChild(el("cite", null, title));
    }
    var bits = [d.source, d.date].filter(Boolean);
    if (bits.length) { p.appendChild(document.createTextNode(" \u2014 " + bits.join(", "))); }
    return p;
  }
  function sentence(ref) {
    var row = data.sentences[ref[0]], text = row[1], wrap = el("div", "evidence"), p = el("p", "sentence"), pos = 0;
    ref[1].forEach(function (mark) {
      if (mark[0] < pos) { return; }
      p.appendChild(document.createTextNode(text.slice(pos, mark[0])));
      p.appendChild(el("mark", null, text.slice(mark[0], mark[1])));
      pos = mark[1];
    });
    p.appendChild(document.createTextNode(text.slice(pos)));
    wrap.appendChild(p);
    wrap.appendChild(docLine(row[0]));
    return wrap;
  }
  function evidence(item) {
    if (!item.ev || !item.ev.length) { return; }
    var s = section("Evidence");
    item.ev.forEach(function (ref) { s.appendChild(sentence(ref)); });
    if (item.more) { s.appendChild(el("p", "hint", "and " + item.more + " more")); }
  }
  function list(title, values) {
    if (!values || !values.length) { return; }
    var s = section(title), ul = el("ul");
    values.forEach(function (v) { ul.appendChild(el("li", null, v)); });
    s.appendChild(ul);
  }
  function open(title, subtitle) {
    body.textContent = "";
    body.appendChild(el("h2", null, title));
    if (subtitle) { body.appendChild(el("p", "kind", subtitle)); }
    panel.hidden = false;
  }
  function nodeButton(id) {
    var b = el("button", "link", byId[id].label);
    b.type = "button";
    b.addEventListener("click", function () { focus(id); });
    return b;
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
    open(n.label, n.kind === n.group ? n.group : n.kind + " (" + n.group + ")");
    list("Also called", n.alt);
    list("Titles", n.titles);
    if (n.event) {
      list("When", n.event.times.map(function (t) {
        return t.value ? t.text + " (" + t.value + (t.end ? " to " + t.end : "") + ")" : t.text;
      }));
      list("Numbers", n.event.counts.map(function (c) {
        return (c.qualifier ? c.qualifier + " " : "") + c.value + " " + c.kind;
      }));
      list("Where", n.event.places);
      list("Who", n.event.participants.map(function (p) { return p.label + " (" + p.role + ")"; }));
    }
    if (n.quotes && n.quotes.length) {
      var s = section("Quotes");
      n.quotes.forEach(function (q) {
        var block = el("blockquote", null, "\u201c" + q.text + "\u201d");
        s.appendChild(block);
        if (q.doc !== null && q.doc !== undefined) { s.appendChild(docLine(q.doc)); }
      });
    }
    var links = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    if (links.length) {
      var c = section("Connections"), ul = el("ul");
      links.slice(0, 50).forEach(function (e) {
        var li = el("li");
        if (e.from === id) { li.appendChild(el("span", null, e.label + " \u2192 ")); li.appendChild(nodeButton(e.to)); }
        else { li.appendChild(nodeButton(e.from)); li.appendChild(el("span", null, " \u2192 " + e.label)); }
        ul.appendChild(li);
      });
      c.appendChild(ul);
      if (links.length > 50) { c.appendChild(el("p", "hint", "and " + (links.length - 50) + " more")); }
    }
    evidence(n);
  }
  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    open(byId[e.from].label + " \u2192 " + byId[e.to].label, e.label);
    var s = section("Between"), p = el("p");
    p.appendChild(nodeButton(e.from)); p.appendChild(el("span", null, " " + e.label + " ")); p.appendChild(nodeButton(e.to));
    s.appendChild(p);
    evidence(e);
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { panel.hidden = true; }
  });

}());
