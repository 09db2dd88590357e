/* graphbuild viewer, right-hand panel: the events timeline (with its date range) and the
 * details of a selected node or link. Inlined in the same script as viewer.js, which calls
 * graphbuildPanel(api, helpers) once. Text only: every string goes through textContent. */
function graphbuildPanel(api, h) {
  "use strict";
  var data = api.data, el = h.el, $ = h.$, byId = h.byId, state = h.state, MAX_LIST = 200;
  var panelBody = $("panel-body"), details = $("details"), timelineView = $("timeline-view");
  var corrections = graphbuildCorrect(data, h);
  var eventsOf = {}; // actor id -> its event ids, in timeline order
  data.events.forEach(function (id) {
    var ev = byId[id].event;
    ev.participants.map(function (p) { return p.node; }).concat(ev.places).forEach(function (a) {
      (eventsOf[a] = eventsOf[a] || []).push(id);
    });
  });
  var days = [];
  data.events.forEach(function (id) { var d = byId[id].dates; if (d.length && days.indexOf(d[0]) < 0) { days.push(d[0]); } });
  days.sort();

  function section(title, parent) { var s = el("section"); s.appendChild(el("h3", null, title)); (parent || panelBody).appendChild(s); return s; }
  function docLine(index) {
    var d = data.documents[index], p = el("p", "source");
    if (!d) { return p; }
    var href = h.safeHref(d.url), title = d.title || d.id;
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
  function docNames(docs) {
    return docs.map(function (i) { var d = data.documents[i]; return d ? (d.source || d.title || d.id) : ""; }).join(", ");
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
    values.forEach(function (v) { ul.appendChild(typeof v === "string" ? el("li", null, v) : v); });
    s.appendChild(ul);
  }
  function nodeButton(id, onClick) {
    var b = el("button", "link", byId[id].label);
    b.type = "button";
    b.addEventListener("click", function () { (onClick || h.focus)(id); });
    return b;
  }
  function item(parts) {
    var li = el("li");
    parts.forEach(function (p) { li.appendChild(typeof p === "string" ? document.createTextNode(p) : p); });
    return li;
  }
  function figures(c) { // "56 dead", or "56 / 50 dead (sources disagree: ...)"
    var text = c.values.map(function (v) { return (v.qualifier ? v.qualifier + " " : "") + v.value; }).join(" / ") + " " + c.kind;
    if (c.disagree) {
      text += " \u2014 sources disagree: " + c.values.map(function (v) {
        return v.value + (v.docs.length ? " (" + docNames(v.docs) + ")" : "");
      }).join("; ");
    }
    return text;
  }
  function when(n) { return n.dates.length ? (n.dates[0] === n.dates[1] ? n.dates[0] : n.dates[0] + " \u2013 " + n.dates[1]) : "undated"; }

  function open(title, subtitle) {
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", null, title));
    if (subtitle) { panelBody.appendChild(el("p", "kind", subtitle)); }
    timelineView.hidden = true;
    details.hidden = false;
    $("panel").scrollTop = 0;
  }
  function showTimeline() { details.hidden = true; timelineView.hidden = false; }
  $("panel-close").addEventListener("click", function () { api.clearSelection(); });
  $("back").addEventListener("click", function () { api.clearSelection(); });

  function eventDetails(n) {
    list("When", n.event.times.map(function (t) {
      return t.value ? t.text + " (" + t.value + (t.end ? " to " + t.end : "") + ")" : t.text;
    }));
    list("Numbers", n.event.counts.map(figures));
    list("Where", n.event.places.map(function (id) { return item([nodeButton(id)]); }));
    list("Who", n.event.participants.map(function (p) { return item([nodeButton(p.node), " (" + p.role + ")"]); }));
    list("Sources", n.docs.map(function (i) { var li = el("li"); li.appendChild(docLine(i)); return li; }));
  }
  function actorDetails(n) {
    list("Also called", n.alt);
    list("Titles", n.titles);
    list("Events", (eventsOf[n.id] || []).slice(0, 50).map(function (id) {
      return item([when(byId[id]) + " \u00b7 ", nodeButton(id, h.selectEvent)]);
    }));
    if (n.quotes && n.quotes.length) {
      var s = section("Quotes");
      n.quotes.forEach(function (q) {
        s.appendChild(el("blockquote", null, "\u201c" + q.text + "\u201d"));
        if (q.doc !== null && q.doc !== undefined) { s.appendChild(docLine(q.doc)); }
      });
    }
  }
  function connections(id) {
    var links = data.edges.filter(function (e) { return e.layer === "actor" && (e.from === id || e.to === id); });
    if (!links.length) { return; }
    links.sort(function (a, b) { return b.weight - a.weight; });
    var c = section("Connections"), ul = el("ul"), hidden = 0;
    links.slice(0, 50).forEach(function (e) {
      var other = e.from === id ? e.to : e.from, arrow = e.arrows ? (e.from === id ? " \u2192 " : " \u2190 ") : " \u2014 ";
      ul.appendChild(item([e.label + arrow, nodeButton(other), e.weight > 1 ? " \u00d7" + e.weight : ""]));
    });
    links.forEach(function (e) { if (!state.shown[e.from === id ? e.to : e.from]) { hidden++; } });
    c.appendChild(ul);
    if (links.length > 50) { c.appendChild(el("p", "hint", "and " + (links.length - 50) + " more")); }
    if (hidden) {
      var b = el("button", "action", "Show " + hidden + " hidden neighbour" + (hidden === 1 ? "" : "s"));
      b.type = "button";
      b.addEventListener("click", function () { api.expand(id); });
      c.appendChild(b);
    }
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
    open(n.label, n.kindLabel === n.group ? n.group : n.kindLabel + " (" + (n.group === "Event" ? "event" : n.group) + ")");
    if (n.event) { eventDetails(n); } else { actorDetails(n); }
    connections(id);
    evidence(n);
    if (!n.event && n.iri) { corrections.section(n, panelBody); }
  }
  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    open(byId[e.from].label + (e.arrows ? " \u2192 " : " \u2014 ") + byId[e.to].label, e.labels.join(" \u00b7 "));
    var s = section("Between"), p = el("p");
    p.appendChild(nodeButton(e.from)); p.appendChild(el("span", null, " " + e.label + " ")); p.appendChild(nodeButton(e.to));
    s.appendChild(p);
    if (e.events.length) {
      list("Shared events", e.events.map(function (v) { return item([when(byId[v]) + " \u00b7 ", nodeButton(v, h.selectEvent)]); }));
    }
    evidence(e);
  }

  // ---- the timeline: events by date, filtered like the network, with a date range ----
  function eventCard(id) {
    var n = byId[id], li = el("li", "event"), head = el("p", "when", when(n) + " \u00b7 " + n.kindLabel);
    li.appendChild(head);
    var title = nodeButton(id, h.selectEvent);
    title.className = "link title";
    li.appendChild(title);
    var ev = n.event, bits = [];
    if (ev.places.length) { bits.push("in " + ev.places.map(function (p) { return byId[p].label; }).join(", ")); }
    if (ev.participants.length) {
      bits.push(ev.participants.map(function (p) { return byId[p.node].label + " (" + p.role + ")"; }).join(", "));
    }
    if (bits.length) { li.appendChild(el("p", "who", bits.join(" \u2014 "))); }
    ev.counts.forEach(function (c) { li.appendChild(el("p", c.disagree ? "numbers disagree" : "numbers", figures(c))); });
    if (n.docs.length) { li.appendChild(el("p", "source", docNames(n.docs))); }
    return li;
  }
  function renderTimeline() {
    var ol = $("timeline"), shown = data.events.filter(function (id) { return h.eventPass(byId[id]); });
    ol.textContent = "";
    shown.slice(0, MAX_LIST).forEach(function (id) { ol.appendChild(eventCard(id)); });
    $("events-count").textContent = shown.length + (shown.length === data.events.length ? "" : " of " + data.events.length);
    $("timeline-more").textContent = shown.length > MAX_LIST ? "and " + (shown.length - MAX_LIST) + " more" : "";
  }
  var from = $("range-from"), to = $("range-to");
  function setRange(lo, hi) {
    var a = Math.max(0, days.indexOf(lo)), b = days.indexOf(hi);
    if (b < 0) { b = days.length - 1; }
    if (a > b) { var t = a; a = b; b = t; }
    from.value = String(a); to.value = String(b);
    state.range = days.length && (a > 0 || b < days.length - 1) ? [days[a], days[b]] : null;
    $("range-value").textContent = days.length ? days[a] + " \u2013 " + days[b] : "";
    h.apply();
    if (state.range) { api.legibleView(); }
  }
  if (days.length > 1) {
    [from, to].forEach(function (r) { r.min = "0"; r.max = String(days.length - 1); r.step = "1"; });
    from.value = "0"; to.value = String(days.length - 1);
    $("range-value").textContent = days[0] + " \u2013 " + days[days.length - 1];
    var onInput = function () { setRange(days[parseInt(from.value, 10)], days[parseInt(to.value, 10)]); };
    from.addEventListener("change", onInput); to.addEventListener("change", onInput);
    $("range-reset").addEventListener("click", function () { setRange(days[0], days[days.length - 1]); });
  } else {
    $("range").hidden = true;
  }
  return { showNode: showNode, showEdge: showEdge, showTimeline: showTimeline, renderTimeline: renderTimeline, setRange: setRange };
}
