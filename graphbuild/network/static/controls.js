/* graphbuild viewer, left-hand controls: the legend (every class and event kind present,
 * with counts, doubling as the filter), the show toggles, the count of actors drawn and
 * the search by any name. Inlined in the same script as viewer.js, which calls
 * graphbuildControls(api, helpers) once. Text only: every string goes through textContent. */
function graphbuildControls(api, h) {
  "use strict";
  var data = api.data, cfg = data.config, el = h.el, $ = h.$, state = h.state, apply = h.apply, isEvent = h.isEvent;
  function fold(s) { // accent- and case-insensitive key: "Qāsem  SOLEIMANI" -> "qasem soleimani"
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  // ---- legend: every class present, event kinds included, with counts; doubles as the filter ----
  function checkbox(checked, onChange) {
    var box = el("input"); box.type = "checkbox"; box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    return box;
  }
  function legendRow(text, count, swatch, onChange) {
    var li = el("li"), label = el("label");
    label.appendChild(checkbox(true, onChange));
    if (swatch) { label.appendChild(swatch); }
    label.appendChild(el("span", null, text + " (" + count + ")"));
    li.appendChild(label);
    return li;
  }
  function buildLegend() {
    var counts = {}, kinds = {};
    data.nodes.forEach(function (n) {
      counts[n.group] = (counts[n.group] || 0) + 1;
      kinds[n.group] = kinds[n.group] || {};
      var k = kinds[n.group][n.kind] = kinds[n.group][n.kind] || { label: n.kindLabel, count: 0 };
      k.count++;
    });
    data.groups.forEach(function (g) {
      if (!counts[g.name]) { return; }
      var swatch = el("span", "swatch shape-" + g.shape);
      swatch.style.backgroundColor = g.color;
      var li = legendRow(g.name === "Event" ? "Events" : g.name, counts[g.name], swatch,
        function (on) { state.groups[g.name] = on; apply(); });
      var names = Object.keys(kinds[g.name]).sort(function (a, b) {
        return kinds[g.name][b].count - kinds[g.name][a].count || (a < b ? -1 : 1);
      });
      if (names.length > 1 || names[0] !== g.name) {
        var ul = el("ul", "kinds");
        names.forEach(function (k) {
          ul.appendChild(legendRow(kinds[g.name][k].label, kinds[g.name][k].count, null,
            function (on) { state.kinds[k] = on; apply(); }));
        });
        li.appendChild(ul);
      }
      $("legend").appendChild(li);
    });
  }
  buildLegend();
  data.documents.forEach(function (d, i) {
    var li = el("li"), label = el("label");
    label.appendChild(checkbox(true, function (on) { state.docs[i] = on; apply(); }));
    label.appendChild(el("span", null, d.title || d.id));
    li.appendChild(label); $("documents").appendChild(li);
  });
  var isolatedCount = data.nodes.filter(function (n) { return !isEvent(n) && !n.linked; }).length;
  $("isolated-label").textContent = "unconnected nodes (" + isolatedCount + ")";
  $("show-events").checked = state.events;
  $("show-events").addEventListener("change", function () { api.showEvents($("show-events").checked); });
  $("show-isolated").addEventListener("change", function () { api.showIsolated($("show-isolated").checked); });
  var limit = $("limit");
  limit.max = String(Math.max(1, cfg.actors));
  limit.value = String(state.limit);
  $("limit-value").textContent = String(state.limit);
  limit.addEventListener("input", function () { $("limit-value").textContent = limit.value; });
  limit.addEventListener("change", function () { api.setLimit(parseInt(limit.value, 10) || 1); });
  $("more").hidden = cfg.actors <= state.limit;
  $("more").addEventListener("click", function () {
    api.setLimit(Math.min(cfg.actors, state.limit * 2));
    $("more").hidden = state.limit >= cfg.actors;
  });


  // ---- search by any name ----
  var names = [];
  data.nodes.forEach(function (n) {
    [n.label].concat(n.alt || []).forEach(function (name) { names.push({ key: fold(name), name: name, node: n }); });
  });
  var datalist = $("names"), listed = {};
  names.forEach(function (x) {
    if (listed[x.name] || isEvent(x.node)) { return; }
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
      if (isEvent(x.node)) { score += 4; } // actors first
      var prev = best[x.node.id];
      if (prev === undefined || score < prev.score) { best[x.node.id] = { score: score, node: x.node, name: x.name }; }
    });
    return Object.keys(best).map(function (k) { return best[k]; })
      .sort(function (a, b) { return a.score - b.score || a.node.rank - b.node.rank; });
  }
  api.search = search;
  api.find = function (query) {
    var hits = search(query);
    if (hits.length) { h.focus(hits[0].node.id); return hits[0].node.id; }
    return null;
  };
  var input = $("search"), results = $("search-results");
  input.addEventListener("input", function () {
    results.textContent = "";
    search(input.value).slice(0, 12).forEach(function (hit) {
      var li = el("li"), button = el("button", "link", hit.node.label);
      button.type = "button";
      li.appendChild(button);
      if (hit.name !== hit.node.label) { li.appendChild(el("span", "hint", " (" + hit.name + ")")); }
      if (isEvent(hit.node)) { li.appendChild(el("span", "hint", " \u2014 " + hit.node.kindLabel)); }
      button.addEventListener("click", function () { h.focus(hit.node.id); });
      results.appendChild(li);
    });
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); api.find(input.value); }
  });

}
