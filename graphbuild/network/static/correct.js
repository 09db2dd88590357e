/* graphbuild viewer: the "Correct" section of an actor's panel (issue 16). It offers the
 * `graphbuild correct` command lines that fix the node (merge with the actor opened before,
 * split off one article's mentions, another kind, drop), each with a copy button, so a
 * reviewer in the browser needs no other tool. Nodes are named by IRI (never ambiguous);
 * --graph is the directory this page was written to. Text only (textContent). */
function graphbuildCorrect(data, h) {
  "use strict";
  var el = h.el, KINDS = ["Person", "Organization", "Place"], previous = null;

  function quote(s) { // POSIX shell: bare when safe, else single-quoted
    s = String(s);
    return /^[A-Za-z0-9_.\/:@%+=,#-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
  }
  function graphDir() {
    if (location.protocol !== "file:") { return "output"; }
    var path = decodeURIComponent(location.pathname);
    return path.slice(0, path.lastIndexOf("/")) || "/";
  }
  function command(args) {
    return "graphbuild correct " + args.map(quote).join(" ") + " --graph " + quote(graphDir());
  }
  function copy(text, button) {
    function done(ok) { button.textContent = ok ? "Copied" : "Copy failed: select the line"; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(text)); });
    } else { done(fallback(text)); }
  }
  function fallback(text) { // file:// pages may have no async clipboard
    var area = el("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }
  function line(what, args) {
    var li = el("li", "correction"), text = command(args), b = el("button", "copy", "Copy");
    b.type = "button";
    b.addEventListener("click", function () { copy(text, b); });
    li.appendChild(el("p", "hint", what));
    li.appendChild(el("code", "command", text));
    li.appendChild(b);
    return li;
  }
  function section(n, parent) {
    var s = el("section", "corrections"), ul = el("ul");
    s.appendChild(el("h3", null, "Correct"));
    if (previous !== null && previous !== n.id && data.nodes[previous]) {
      var other = data.nodes[previous];
      ul.appendChild(line("Same as " + other.label + " (opened before)", ["merge", n.iri, other.iri]));
    }
    if (n.docs.length > 1) {
      n.docs.forEach(function (i) {
        var d = data.documents[i];
        ul.appendChild(line("Its mentions in " + (d.source || d.title || d.id) + " are someone else",
                            ["split", n.iri, "--doc", d.id]));
      });
    }
    KINDS.forEach(function (k) { if (k !== n.group) { ul.appendChild(line("Is " + (/^[AEIOU]/.test(k) ? "an " : "a ") + k, ["kind", n.iri, k])); } });
    ul.appendChild(line("Is not an entity", ["drop", n.iri]));
    s.appendChild(ul);
    parent.appendChild(s);
    previous = n.id;
  }
  return { section: section, command: command };
}
