/* graphbuild viewer: draws the actor network from the JSON in #graph-data with vis-network;
 * events live in the timeline on the right (and, on request, as nodes).
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
  var LEGIBLE = 10; // px: a label smaller than this on screen cannot be read
  var LABEL_ROOM = [80, 55]; // canvas units kept around the framed nodes for their labels
  var DIM = "#e3e3e3", DIM_TEXT = "#c8c8c8";
  var state = { groups: {}, kinds: {}, docs: {}, limit: cfg.initial, pinned: {}, shown: {}, edgeShown: {},
                events: !!cfg.events, isolated: false, range: null, selected: null };
  data.nodes.forEach(function (n) { state.groups[n.group] = true; state.kinds[n.kind] = true; });
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
  function isEvent(n) { return n.group === "Event"; }

  // ---- vis data ----
  function colorOf(n) { return (styles[n.group] || styles.Other).color; }
  function visNode(n) {
    var g = styles[n.group] || styles.Other;
    return { id: n.id, label: n.label, shape: g.shape, size: n.size, x: n.x, y: n.y, hidden: true,
             font: { size: n.font, color: "#222222" },
             color: { background: g.color, border: "#333333", highlight: { background: g.color, border: "#000000" },
                      hover: { background: g.color, border: "#000000" } } };
  }
  function visId(e) { return e.id + 1; } // vis edge ids count from 1 (0 is falsy in places)
  api.edgeOf = function (visEdgeId) { return data.edges[visEdgeId - 1]; };
  function edgeColor(e) { return e.kind === "relation" ? "#7a7a7a" : e.kind === "quote" ? "#c9a227" : "#b5b5b5"; }
  function visEdge(e) {
    // vis-network 9.1.2 draws the label of an exactly horizontal right-to-left edge far off
    // its line: undirected edges are drawn left to right, directed ones keep a level label.
    var a = byId[e.from], b = byId[e.to], swap = !e.arrows && a.x > b.x, level = a.y === b.y && a.x > b.x && !swap;
    var item = { id: visId(e), from: swap ? e.to : e.from, to: swap ? e.from : e.to, label: e.label, arrows: e.arrows, hidden: true,
                 width: 1 + Math.log2(e.weight || 1), dashes: e.kind === "quote", color: { color: edgeColor(e), highlight: "#333333" } };
    if (level) { item.font = { align: "horizontal" }; }
    return item;
  }
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var big = cfg.big;
  var options = {
    autoResize: true,
    physics: { enabled: false }, // positions come laid out (layout.py), the same as in the GraphML/GEXF files
    layout: { improvedLayout: false },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false, tooltipDelay: 100000 },
    nodes: { borderWidth: 1, font: { face: "system-ui, sans-serif", strokeWidth: 4, strokeColor: "#ffffff" },
             scaling: { label: { enabled: false, drawThreshold: 8 } } }, // labels below 7 px on screen wait for a zoom
    // Edge labels only once they are readable (drawThreshold is in screen px, less one): less clutter, faster frames.
    edges: { font: { size: 11, face: "system-ui, sans-serif", color: "#555555", strokeWidth: big ? 0 : 3, strokeColor: "#ffffff", align: "middle" },
             scaling: { label: { enabled: false, drawThreshold: 9 } },
             arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, selectionWidth: 2 }
  };
  api.nodes = nodes;
  api.edges = edges;
  var network = null, dimmed = false;

  // ---- filters ----
  function docsPass(docs) {
    if (!docs || docs.length === 0) { return true; }
    for (var i = 0; i < docs.length; i++) { if (state.docs[docs[i]]) { return true; } }
    return false;
  }
  function rangePass(n) {
    if (!state.range) { return true; }
    var d = n.dates, lo = state.range[0], hi = state.range[1];
    if (!d || !d.length) { return false; }
    if (isEvent(n)) { return d[0] <= hi && d[d.length - 1] >= lo; }
    for (var i = 0; i < d.length; i++) { if (d[i] >= lo && d[i] <= hi) { return true; } }
    return false;
  }
  function classPass(n) { return state.groups[n.group] && state.kinds[n.kind] && docsPass(n.docs); }
  function eventPass(n) { return classPass(n) && rangePass(n); }
  var byRank = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  function chooseNodes() {
    var shown = {}, count = 0;
    byRank.forEach(function (n) {
      if (isEvent(n)) {
        if (state.events && eventPass(n)) { shown[n.id] = true; }
      } else if (count < state.limit && classPass(n) && rangePass(n) && (state.isolated || n.linked || state.events)) {
        shown[n.id] = true; count++;
      }
    });
    Object.keys(state.pinned).forEach(function (id) { shown[id] = true; });
    return shown;
  }
  function edgePass(e, shown) {
    if (!shown[e.from] || !shown[e.to] || !docsPass(e.docs)) { return false; }
    if (e.layer === "event") { return state.events || !!state.pinned[e.from] || !!state.pinned[e.to]; }
    if (e.kind !== "event") { return true; }
    for (var i = 0; i < e.events.length; i++) { if (eventPass(byId[e.events[i]])) { return true; } }
    return false;
  }
  function filtering() { // a class, kind, article or date filter is on (the count limit is not one)
    var off = function (map) { return Object.keys(map).some(function (k) { return !map[k]; }); };
    return !!state.range || off(state.groups) || off(state.kinds) || off(state.docs);
  }
  function apply() {
    var shown = chooseNodes(), edgeShown = {}, degree = {};
    data.edges.forEach(function (e) {
      if (edgePass(e, shown)) { edgeShown[e.id] = true; degree[e.from] = 1; degree[e.to] = 1; }
    });
    if (!state.isolated && filtering()) { // what a filter cut off from everything is hidden too
      Object.keys(shown).forEach(function (id) { if (!degree[id] && !state.pinned[id]) { delete shown[id]; } });
    }
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      if (!!shown[n.id] !== !!state.shown[n.id]) { nodeUpdates.push({ id: n.id, hidden: !shown[n.id] }); }
    });
    data.edges.forEach(function (e) {
      if (!!edgeShown[e.id] !== !!state.edgeShown[e.id]) { edgeUpdates.push({ id: visId(e), hidden: !edgeShown[e.id] }); }
    });
    state.shown = shown; state.edgeShown = edgeShown;
    if (network && nodeUpdates.length + edgeUpdates.length > REBUILD) {
      rebuild();
    } else {
      if (nodeUpdates.length) { nodes.update(nodeUpdates); }
      if (edgeUpdates.length) { edges.update(edgeUpdates); }
    }
    var count = Object.keys(shown).length, edgeCount = Object.keys(edgeShown).length;
    document.body.setAttribute("data-nodes-shown", String(count));
    $("summary").textContent = count + " of " + data.nodes.length + " nodes, " + edgeCount + " of " + data.edges.length +
      " links, " + data.documents.length + (data.documents.length === 1 ? " article" : " articles");
    if (api.timeline) { api.timeline(); }
  }
  // vis-network re-reads an item's options on every update, so thousands of show/hide
  // changes at once (showing every node) cost seconds: new data in one go is faster.
  var REBUILD = 3000;
  function rebuild() {
    var at = network.getViewPosition(), scale = network.getScale(), selected = network.getSelectedNodes();
    nodes = new vis.DataSet(data.nodes.map(function (n) { var v = visNode(n); v.hidden = !state.shown[n.id]; return v; }));
    edges = new vis.DataSet(data.edges.map(function (e) { var v = visEdge(e); v.hidden = !state.edgeShown[e.id]; return v; }));
    api.nodes = nodes; api.edges = edges;
    dimmed = false;
    network.setData({ nodes: nodes, edges: edges });
    network.moveTo({ position: at, scale: scale, animation: false });
    selected = selected.filter(function (id) { return state.shown[id]; });
    if (selected.length) { network.selectNodes(selected); highlight(selected); }
  }
  api.shownCount = function () { return Object.keys(state.shown).length; };
  api.visibleNodes = function () { return Object.keys(state.shown).map(Number); };
  api.setLimit = function (k) {
    state.limit = k; $("limit").value = String(k); $("limit-value").textContent = String(k); apply();
  };
  api.showEvents = function (on) { state.events = !!on; $("show-events").checked = state.events; apply(); legibleView(); };
  api.showIsolated = function (on) { state.isolated = !!on; $("show-isolated").checked = state.isolated; apply(); };

  apply(); // hidden flags are set before the network exists, so the first drawing is the final one
  network = new vis.Network($("network"), { nodes: nodes, edges: edges }, options);
  api.network = network;

  // ---- first view: fit the connected part, then make sure the central labels are legible ----
  function topShown(k) {
    return byRank.filter(function (n) { return state.shown[n.id]; }).slice(0, k);
  }
  // The view that shows `nodes` (laid-out positions, labels allowed for), at `scale` if given.
  // Computed from the positions, not from vis-network's fit, whose label boxes depend on
  // what was drawn before: the same filter always gives the same view.
  function frame(nodes, scale) {
    var box = $("network").getBoundingClientRect();
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var fits = Math.min(1, box.width / (x1 - x0 + 2 * LABEL_ROOM[0]), box.height / (y1 - y0 + 2 * LABEL_ROOM[1]));
    return { position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale || fits, fits: fits };
  }
  function legibleView() { // fit the drawn part; if its central labels would be too small, the central part
    var shown = byRank.filter(function (n) { return state.shown[n.id]; });
    if (!shown.length) { return; }
    var top = shown.slice(0, 8), view = frame(shown);
    var need = LEGIBLE * 1.02 / Math.min.apply(null, top.map(function (n) { return n.font; }));
    for (var k = top.length; view.scale < need && k >= 1; k--) {
      view = frame(top.slice(0, k));
      if (view.fits >= need || k === 1) { view.scale = need; break; }
    }
    network.moveTo({ position: view.position, scale: view.scale, animation: false });
  }
  api.legibleView = legibleView;
  legibleView();
  network.once("afterDrawing", function () {
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.redraw();

  graphbuildControls(api, { el: el, $: $, state: state, apply: apply, focus: focus, isEvent: isEvent, styles: styles });
  // ---- highlight: the selection and its neighbourhood stand out, the rest is dimmed ----
  function highlight(ids) {
    var keep = {};
    ids.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (m) { keep[m] = true; });
    });
    nodes.update(data.nodes.map(function (n) {
      var on = keep[n.id], c = colorOf(n);
      return { id: n.id, color: { background: on ? c : DIM, border: on ? "#333333" : DIM, highlight: { background: c, border: "#000000" },
                                  hover: { background: on ? c : DIM, border: "#000000" } },
               font: { color: on ? "#222222" : DIM_TEXT } };
    }));
    edges.update(data.edges.map(function (e) {
      var on = keep[e.from] && keep[e.to] && (ids.indexOf(e.from) >= 0 || ids.indexOf(e.to) >= 0);
      return { id: visId(e), color: { color: on ? "#444444" : DIM, highlight: "#333333" }, font: { color: on ? "#333333" : "rgba(0,0,0,0)" } };
    }));
    dimmed = true;
  }
  function clearHighlight() {
    if (!dimmed) { return; }
    nodes.update(data.nodes.map(visNode).map(function (v) { return { id: v.id, color: v.color, font: v.font }; }));
    edges.update(data.edges.map(function (e) { return { id: visId(e), color: { color: edgeColor(e), highlight: "#333333" }, font: { color: "#555555" } }; }));
    dimmed = false;
  }
  api.clearSelection = function () { clearHighlight(); network.unselectAll(); state.selected = null; showTimeline(); };

  function pin(ids) {
    var changed = false;
    ids.forEach(function (id) { if (!state.shown[id]) { state.pinned[id] = true; changed = true; } });
    if (changed) { apply(); }
  }
  function focus(id) { // centre and zoom on the node; the panel sits beside the canvas, never over it
    pin([id]);
    state.selected = id;
    network.selectNodes([id]);
    highlight([id]);
    var scale = Math.max(network.getScale(), 1.2, (LEGIBLE * 1.3) / (byId[id].font || 14));
    network.moveTo({ position: network.getPositions([id])[id], scale: scale, animation: false });
    showNode(id);
  }
  function selectEvent(id) { // the event's actors (and the event, when drawn) light up
    var n = byId[id], ids = n.event.participants.map(function (p) { return p.node; }).concat(n.event.places);
    pin(ids);
    state.selected = id;
    var visible = ids.filter(function (i) { return state.shown[i]; });
    if (state.shown[id]) { visible.push(id); }
    network.selectNodes(visible);
    highlight(visible);
    if (visible.length) {
      var view = frame(visible.map(function (i) { return byId[i]; }));
      network.moveTo({ position: view.position, scale: Math.max(view.scale, LEGIBLE * 1.05 / 14), animation: false });
    }
    showNode(id);
  }
  api.focus = focus;
  api.selectEvent = selectEvent;
  api.expand = function (id) { pin(network.getConnectedNodes(id).concat(neighbours(id))); focus(id); };
  function neighbours(id) {
    var out = [];
    data.edges.forEach(function (e) {
      if (e.layer !== "actor") { return; }
      if (e.from === id) { out.push(e.to); } else if (e.to === id) { out.push(e.from); }
    });
    return out;
  }

  network.on("click", function (params) {
    if (params.nodes.length) { focus(params.nodes[0]); }
    else if (params.edges.length) { clearHighlight(); api.showEdge(params.edges[0] - 1); }
    else { api.clearSelection(); }
  });

  // The panel and timeline (panel.js, inlined in the same script element).
  var panelApi = graphbuildPanel(api, { el: el, $: $, safeHref: safeHref, byId: byId, state: state,
                                                 focus: focus, selectEvent: selectEvent, apply: apply, eventPass: eventPass });
  var showNode = panelApi.showNode, showTimeline = panelApi.showTimeline;
  api.showNode = showNode;
  api.showEdge = panelApi.showEdge;
  api.timeline = panelApi.renderTimeline;
  api.setRange = panelApi.setRange;
  panelApi.renderTimeline();
}());
