"""What a benchmark runs in its own process (`python -m tests.bench.drivers WHAT ...`).

- `spacy FILE.jsonl`: bare `nlp.pipe` over the texts, the same model graphbuild loads, one process
- `build FILE.jsonl OUT [--jobs N] [--engine E] [--no-validate] [--formats F] [--max-chars N]`: `pipeline.build`
  with those Settings, exactly what `graphbuild build` runs (the CLI only adds progress bars;
  `--no-validate` has no CLI flag)
- `write TRIPLES OUT`: a generated GraphModel of about TRIPLES triples built into quads and written as ttl, trig, nt
- `write-floor TRIPLES OUT`: its baseline, pyoxigraph alone writing the same quads (no sort, no check)
- `stages N OUT [--formats F]`: the stages after the analysis at N documents (ECB+ train
  models repeated with fresh ids), RSS peak and CPU of each (`stage_driver`)
- `validate TRIPLES [--whole] [--one-document]`: SHACL over a generated graph part by part (or
  the union at once), its documents joined into one long one if asked: the memory the
  validation adds and its seconds

Each prints one JSON line of figures measured inside (the harness measures wall time and
peak RSS from outside).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def _texts(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def run_spacy(path: Path) -> dict:
    from graphbuild.nlp import load_model

    nlp = load_model("en_core_web_sm")
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(_texts(path)))
    return {"seconds": round(time.perf_counter() - t0, 3), "tokens": tokens}


def run_build(args) -> dict:
    from graphbuild.pipeline import build
    from graphbuild.settings import ALL_FORMATS, Settings

    formats = tuple(args.formats.split(",")) if args.formats else ALL_FORMATS
    settings = Settings(inputs=(str(args.input),), output_dir=Path(args.out), jobs=args.jobs,
                        engine=args.engine, validate=not args.no_validate, formats=formats,
                        **({"max_chars": args.max_chars} if args.max_chars else {}))
    report = build(settings).report
    return {"timings": report["timings_seconds"], "documents": report["documents_in_graph"],
            "validation": report["validation"]}


def synthetic_model(triples: int):
    """A GraphModel of about `triples` triples: documents of 20 people named 5 times each."""
    from graphbuild.model import Document, Entity, GraphModel, Mention

    per_doc = 1000  # about: 100 mentions x 9 + 10 sentences x 6 + 20 entities x 4 + the document
    documents, entities = [], []
    for d in range(max(1, triples // per_doc)):
        names = [f"Person{d}n{k}" for k in range(20)]
        sentences, mentions = [], {k: [] for k in range(20)}
        pos = 0
        for s in range(10):
            words = [names[(s * 10 + w) % 20] for w in range(10)]
            sentence = " ".join(words) + "."
            start = pos
            for w, word in enumerate(words):
                begin = start + sum(len(x) + 1 for x in words[:w])
                mentions[(s * 10 + w) % 20].append((begin, begin + len(word), word, start, start + len(sentence)))
            sentences.append(sentence)
            pos += len(sentence) + 1
        doc_id = f"doc{d}"
        documents.append(Document(id=doc_id, text=" ".join(sentences)))
        for k, spans in mentions.items():
            entities.append(Entity(id=f"{doc_id}-e{k}", kind="Person", label=names[k], mentions=tuple(
                Mention(doc_id, a, b, t, "PERSON", sa, sb) for a, b, t, sa, sb in spans)))
    return GraphModel(documents=tuple(documents), entities=tuple(entities))


def run_write(triples: int, out: Path) -> dict:
    from graphbuild.pipeline import write_outputs
    from graphbuild.rdf import build, serialize  # noqa: F401 (imported before the clock)
    from graphbuild.settings import Settings
    from graphbuild.vocab import prefixes

    model = synthetic_model(triples)
    prefixes()  # the ontology is read once per process, whatever the size: not timed
    t0, c0 = time.perf_counter(), time.process_time()
    _, validation = write_outputs(model, Settings(output_dir=out, formats=("ttl", "trig", "nt"), validate=False))
    return {"seconds": round(time.perf_counter() - t0, 3), "cpu_seconds": round(time.process_time() - c0, 3),
            "triples": validation.get("triples")}


def run_write_floor(triples: int, out: Path) -> dict:
    """The baseline of `write`: pyoxigraph alone reading the same quads as N-Quads text (made
    before the clock starts) and writing TriG, Turtle and N-Triples, without sorting or checks."""
    import pyoxigraph as ox

    from graphbuild.rdf.build import to_quads
    from graphbuild.settings import Settings
    from graphbuild.vocab import prefixes

    content = to_quads(synthetic_model(triples), Settings().base_iri)
    nquads, n, names = content.nquads(), len(content), prefixes()
    del content
    out.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    for name, fmt, graphs in (("graph.trig", ox.RdfFormat.TRIG, True), ("graph.ttl", ox.RdfFormat.TURTLE, False),
                              ("graph.nt", ox.RdfFormat.N_TRIPLES, False)):
        quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
        ox.serialize(quads if graphs else (q.triple for q in quads), str(out / name), format=fmt,
                     prefixes=names if fmt != ox.RdfFormat.N_TRIPLES else None)
    return {"seconds": round(time.perf_counter() - t0, 3), "cpu_seconds": round(time.process_time() - c0, 3), "triples": n}


def one_document(model):
    """`model` with its documents joined into one (texts by a newline, offsets moved)."""
    from dataclasses import replace

    from graphbuild.model import Document

    shift, pos = {}, 0
    for doc in model.documents:
        shift[doc.id], pos = pos, pos + len(doc.text) + 1
    joined = Document(id="doc0", text="\n".join(d.text for d in model.documents))

    def moved(m):
        at = shift[m.doc_id]
        return replace(m, doc_id=joined.id, start=m.start + at, end=m.end + at,
                       sentence_start=m.sentence_start + at, sentence_end=m.sentence_end + at)

    return replace(model, documents=(joined,), entities=tuple(
        replace(e, mentions=tuple(map(moved, e.mentions))) for e in model.entities))


def run_validate(triples: int, whole: bool, joined: bool = False) -> dict:
    """SHACL over the quads of a generated model of about `triples` triples (`joined`: in
    one document), the union at once (`whole`) or part by part (`rdf.validate_parts`);
    the RSS the validation adds (sampled every 20 ms in this process) and its seconds."""
    import threading

    import psutil

    from graphbuild.iri import cross_graph_iri
    from graphbuild.rdf.build import to_quads
    from graphbuild.rdf.validate import validate
    from graphbuild.rdf.validate_parts import validate_in_parts
    from graphbuild.settings import Settings

    base = Settings().base_iri
    model = synthetic_model(triples)
    quads = to_quads(one_document(model) if joined else model, base)
    del model
    validate(to_quads(synthetic_model(1000), base))  # shapes compiled before the clock
    proc, peak, done = psutil.Process(), [0], threading.Event()
    before = proc.memory_info().rss

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    result = validate(quads) if whole else validate_in_parts(quads, cross_graph_iri(base))
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    return {"seconds": round(seconds, 3), "triples": len(quads), "conforms": result.conforms,
            "added_mb": round((max(peak[0], proc.memory_info().rss) - before) / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("spacy").add_argument("input", type=Path)
    b = sub.add_parser("build")
    b.add_argument("input", type=Path)
    b.add_argument("out", type=Path)
    b.add_argument("--jobs", type=int, default=1)
    b.add_argument("--engine", default="local")
    b.add_argument("--no-validate", action="store_true")
    b.add_argument("--formats", default=None)
    b.add_argument("--max-chars", type=int, default=None)
    for name in ("write", "write-floor"):
        w = sub.add_parser(name)
        w.add_argument("triples", type=int)
        w.add_argument("out", type=Path)
    v = sub.add_parser("validate")
    v.add_argument("triples", type=int)
    v.add_argument("--whole", action="store_true")
    v.add_argument("--one-document", action="store_true")
    st = sub.add_parser("stages")
    st.add_argument("documents", type=int)
    st.add_argument("out", type=Path)
    st.add_argument("--formats", default=None)
    args = parser.parse_args()
    if args.what == "stages":
        from tests.bench.stage_driver import run_stages

        figures = run_stages(args.documents, args.out, tuple(args.formats.split(",")) if args.formats else None)
    elif args.what == "validate":
        figures = run_validate(args.triples, args.whole, args.one_document)
    elif args.what == "spacy":
        figures = run_spacy(args.input)
    elif args.what == "build":
        figures = run_build(args)
    elif args.what == "write-floor":
        figures = run_write_floor(args.triples, args.out)
    else:
        figures = run_write(args.triples, args.out)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
