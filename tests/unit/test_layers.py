"""The import structure follows the data flow (README "How it works"):

    ingest -> nlp -> extract -> resolve -> model -> rdf | network

- a stage imports only earlier stages and the base modules (model, vocab, shapes,
  errors, error_codes, settings, iri, fsio, names, lexicon, containment); extract and resolve share words and name
  helpers through the base, never through each other; rdf, network and store read the
  GraphModel only (no ingest, nlp, extract or resolve);
- the base imports no stage; nothing but `__main__` imports the CLI; orchestration
  (analyze, pipeline, engine, evaluate) is imported by no stage;
- only nlp/ and extract/ import spaCy;
- no import cycle, function-level imports included.
The imports are read from the source (ast), so a lazy import inside a function counts.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "graphbuild"
BASE = {"model", "vocab", "shapes", "errors", "error_codes", "settings", "iri", "fsio", "names", "lexicon", "limits", "containment", ""}
STAGES = {"ingest": 1, "nlp": 2, "extract": 3, "resolve": 4, "rdf": 5, "network": 5, "store": 6}
READS_MODEL_ONLY = {"rdf", "network", "store"}
CLI = {"cli", "cli_store", "cli_correct", "cli_errors", "__main__"}  # the command line: imported by nothing else
ORCHESTRATION = {"analyze", "pipeline", "reading", "writing", "engine", "evaluate", "preflight", "outputs", "locking", "correcting",
                 "amend"} | CLI
SPACY_LAYERS = {"nlp", "extract"}


def _modules() -> dict[str, Path]:
    mods = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        mods[name] = path
    return mods


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> tuple[set[str], bool]:
    """The package modules `module` imports anywhere in its source, and whether it
    imports spaCy."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found, spacy = set(), False
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                prefix = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{prefix}.{base}" if base else prefix
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        for n in names:
            spacy |= n.split(".")[0] in ("spacy", "thinc")
            target = _resolve(n) if n.startswith("graphbuild") else None
            if target and target != module and not (path.name == "__init__.py" and target.startswith(module + ".")):
                found.add(target)
    return found, spacy


GRAPH = {m: _imports(m) for m in MODULES}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_module_has_a_layer():
    unknown = sorted(m for m in MODULES if layer(m) not in BASE | set(STAGES) | ORCHESTRATION)
    assert not unknown, f"give these modules a layer in {__file__}: {unknown}"


def _against_flow(a: str, b: str) -> bool:
    la, lb = layer(a), layer(b)
    if lb in CLI:
        return la not in CLI
    if la in ORCHESTRATION:
        return False
    if lb in ORCHESTRATION:
        return True  # neither the base nor a stage imports orchestration
    if la in BASE:
        return lb not in BASE
    if lb in BASE or la == lb:
        return False
    if la in READS_MODEL_ONLY:
        return lb not in READS_MODEL_ONLY or STAGES[lb] >= STAGES[la]
    if {la, lb} == {"extract", "resolve"}:
        return True  # shared words and names live in the base
    return STAGES[lb] >= STAGES[la]


def test_no_module_imports_against_the_flow():
    against = sorted(f"{a} -> {b}" for a, (targets, _) in GRAPH.items() for b in targets if _against_flow(a, b))
    assert not against, "imports against the flow:\n" + "\n".join(against)


def test_only_nlp_and_extract_import_spacy():
    assert sorted(m for m, (_, spacy) in GRAPH.items() if spacy and layer(m) not in SPACY_LAYERS) == []


def _cycles() -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(GRAPH[v][0]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    assert _cycles() == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 300, f"{module} has {lines} lines: split it by responsibility"


def test_functions_stay_short():
    long = []
    for module, path in sorted(MODULES.items()):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{module}.{node.name}: {node.end_lineno - node.lineno + 1} lines")
    assert not long, "functions over 60 lines (split them):\n" + "\n".join(long)


def test_the_checker_sees_function_level_imports_and_cycles():
    # the checker itself can fail: a lazy import is an edge
    assert "graphbuild.resolve.cross_doc" in GRAPH["graphbuild.resolve.incremental"][0]
    assert _against_flow("graphbuild.extract.mentions", "graphbuild.resolve.titles")
    assert _against_flow("graphbuild.rdf.build", "graphbuild.nlp.parse")
    assert _against_flow("graphbuild.model", "graphbuild.extract.mentions")
    assert not _against_flow("graphbuild.resolve.within_doc", "graphbuild.nlp")
    assert not _against_flow("graphbuild.pipeline", "graphbuild.rdf.build")
