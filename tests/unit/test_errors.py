"""Errors come from one catalogue (graphbuild/error_codes.py): every code is raised
somewhere, every raise names a code of the right class, no message is written inline,
every template formats with its fields, and the CLI shows the code and the exit code."""
from __future__ import annotations

import ast
import json
from pathlib import Path
from string import Formatter

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from graphbuild import errors
from graphbuild.cli import app
from graphbuild.error_codes import CATALOGUE
from graphbuild.errors import EXIT_CODES, AnalysisError, GraphbuildError, UsageError
from graphbuild.locking import Busy
from graphbuild.model import Document
from graphbuild.nlp.loader import ALIASES
from graphbuild.nlp.parse import parse, parse_many

PACKAGE = Path(__file__).resolve().parents[2] / "graphbuild"
CLASSES = {c.__name__: c for c in (*vars(errors).values(), Busy)
           if isinstance(c, type) and issubclass(c, GraphbuildError)}


def _constructions() -> list[tuple[str, ast.Call]]:
    """Every call of a GraphbuildError class in the package, with where it is."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CLASSES:
                found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node))
    return found


def _all_code_literals() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "error_codes.py")
    return {code for code in CATALOGUE if f'"{code}"' in text}


POSITIONAL = {"InputError": 2, "AnalysisError": 2, "NothingBuilt": 3}  # code, then source/id/skipped


def test_every_raise_names_a_code_of_its_class():
    bad = []
    for where, call in _constructions():
        first = call.args[0] if call.args else None
        if where.startswith(("ingest/__init__.py", "store/gsp.py")) and not isinstance(first, ast.Constant):
            continue  # the code too_long (limits.py) chose, or the one of the HTTP status (STATUS_CODES)
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            bad.append(f"{where}: {call.func.id} without a literal code first")
        elif first.value not in CATALOGUE:
            bad.append(f"{where}: {first.value} is not in the catalogue")
        elif CATALOGUE[first.value].kind not in {c.__name__ for c in CLASSES[call.func.id].__mro__}:
            bad.append(f"{where}: {first.value} is a {CATALOGUE[first.value].kind}, raised as {call.func.id}")
    assert _constructions() and not bad, "\n".join(bad)


def test_no_message_is_written_inline():
    """Fields are values (a path, a count, a flag), never a sentence built at the raise."""
    inline = []
    for where, call in _constructions():
        if len(call.args) > POSITIONAL.get(call.func.id, 1):
            inline.append(f"{where}: positional message")
        inline += [f"{where}: {k.arg}=f'...'" for k in call.keywords
                   if isinstance(k.value, ast.JoinedStr) or isinstance(k.value, ast.Constant)
                   and isinstance(k.value.value, str) and len(k.value.value.split()) > 3]
    assert not inline, "messages written at the raise, not in the catalogue:\n" + "\n".join(inline)


def test_every_code_is_used():
    assert set(CATALOGUE) == _all_code_literals(), set(CATALOGUE) - _all_code_literals()


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_code_formats_with_its_fields(code):
    entry = CATALOGUE[code]
    assert entry.code == code and entry.kind in CLASSES
    assert code[2] == str(CLASSES[entry.kind].exit_code), f"{code}: its first digit is not exit code"
    # A field with a format spec ({length:,}) takes a number, the others any text.
    fields = {name: 1 if spec else "X" for text in (entry.message, entry.fix)
              for _, name, spec, _ in Formatter().parse(text) if name}
    assert set(fields) == entry.fields
    if entry.kind == "InputError" or entry.kind == "AnalysisError":
        err = CLASSES[entry.kind](code, "some.txt", **fields)
    elif entry.kind == "NothingBuilt":
        err = CLASSES[entry.kind](code, [], "out")
    else:
        err = CLASSES[entry.kind](code, **fields)
    assert str(err).startswith(f"[{code}] ") and err.code == code
    assert "{" not in err.problem.replace("{\"", "") and "}" not in err.fix.replace("\"}", "")


def test_a_code_raised_as_the_wrong_class_is_refused():
    with pytest.raises(TypeError, match="GB218 is raised as UsageError"):
        errors.OutputError("GB218", flag="--jobs", value=0, what="worker processes")
    with pytest.raises(KeyError):
        UsageError("GB999")


def test_the_message_keeps_its_wording_after_the_code():
    err = UsageError("GB218", flag="--jobs", value=0, what="worker processes")
    assert str(err) == "[GB218] --jobs 0: give 1 or more worker processes"
    err = errors.InputError("GB283", "corpus.jsonl:3")
    assert str(err) == ('[GB283] corpus.jsonl:3: no `text` field (one JSON object a line: '
                        '{"id": "...", "text": "..."})')
    assert err.source == "corpus.jsonl:3" and err.problem == "no `text` field"


def test_the_cli_prints_the_code_and_exits_with_the_class_code(tmp_path):
    result = CliRunner().invoke(app, ["build", "--scheduler", "tcp://127.0.0.1:1", "-o", str(tmp_path / "out")])
    assert result.exit_code == UsageError.exit_code == 2
    assert "error: [GB219] --scheduler needs --engine dask" in result.output
    assert set(EXIT_CODES) >= {c.exit_code for c in CLASSES.values()}


def test_errors_command_prints_the_catalogue_and_one_code():
    runner = CliRunner()
    whole = runner.invoke(app, ["errors"])
    assert whole.exit_code == 0 and all(code in whole.output for code in CATALOGUE)
    one = runner.invoke(app, ["errors", "GB218"])
    assert one.exit_code == 0 and "give 1 or more" in one.output and "GB219" not in one.output
    unknown = runner.invoke(app, ["errors", "GB999"])
    assert unknown.exit_code == 2 and "GB999" in unknown.output


# A real component that breaks the offset contract for one marked document: the guard
# of nlp/parse.py must turn it into an AnalysisError of that document, never an assert.
@Language.component("graphbuild_test_rewrites_text")
def _rewrites_text(doc):
    return Doc(doc.vocab, words=["rewritten"]) if "REWRITE" in doc.text else doc


def _loaded(name: str):
    try:
        return spacy.load(name)
    except OSError:
        return None


@pytest.fixture(scope="module")
def rewriting_model(tmp_path_factory):
    nlp = next(filter(None, map(_loaded, ALIASES["en_core_web_sm"])))
    nlp.add_pipe("graphbuild_test_rewrites_text", last=True)
    path = tmp_path_factory.mktemp("model") / "rewriting"
    nlp.to_disk(path)
    return path


def test_a_parse_that_changes_the_text_is_an_analysis_error(rewriting_model):
    nlp = spacy.load(rewriting_model)
    doc = Document(id="bad-1", text="REWRITE this sentence, please.")
    for call in (lambda: parse_many(nlp, [doc]), lambda: parse(nlp, doc)):
        with pytest.raises(AnalysisError) as info:
            call()
        assert info.value.code == "GB191" and info.value.document_id == "bad-1"
        assert str(info.value).startswith("[GB191] bad-1: the parsed text differs")


def test_on_error_skip_leaves_out_just_that_document(rewriting_model, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "good", "text": "Angela Merkel visited Paris on Monday."}) + "\n"
                      + json.dumps({"id": "bad", "text": "REWRITE: Boris Johnson spoke in London."}) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--model", str(rewriting_model),
                                      "--on-error", "skip", "--formats", "ttl"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents_in_graph"] == 1
    [skipped] = report["skipped"]
    assert "GB191" in skipped["reason"] and "AnalysisError" in skipped["reason"], skipped
