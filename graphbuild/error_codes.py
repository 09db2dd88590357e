"""The catalogue of graphbuild's errors: one entry a code, each with what went wrong (for
which input) and the fix (which flag or step), as `str.format` templates.

Library code raises `SomeError("GB2xx", field=value, ...)` (graphbuild/errors.py); the
message a user sees starts with the code, e.g. ``[GB218] --jobs 0: give 1 or more worker
processes``, so it can be searched for here. The first digit is the CLI's exit code (GB1xx
exit 1 and so on; see EXIT_CODES). `graphbuild errors [CODE]` prints this table.
"""
from __future__ import annotations

from dataclasses import dataclass
from string import Formatter


@dataclass(frozen=True)
class Entry:
    """One coded error: `kind` names the exception class that raises it."""

    code: str
    kind: str
    message: str
    fix: str

    @property
    def fields(self) -> frozenset[str]:
        """The named fields the templates need."""
        return frozenset(name for text in (self.message, self.fix)
                         for _, name, _, _ in Formatter().parse(text) if name)


E = Entry
ONTOLOGY, ANALYSIS, USAGE, INPUT, QUERY = "OntologyError", "AnalysisError", "UsageError", "InputError", "QueryError"
MODEL, OUTPUT, STORE, NOTHING, BUSY = "ModelNotFound", "OutputError", "StoreError", "NothingBuilt", "Busy"
ENCODING_FIX = "pass the input's encoding with --encoding NAME, e.g. --encoding cp1252"
BUG = "a bug in graphbuild: please report it with the input"
FOREIGN_GRAPH = "pass a graph written by graphbuild build"
HTTP = "{method} {url} (graph {graph}): HTTP {status} {status_reason}: {answer!r}"  # a refused GSP request
RECORD_FIX = 'one JSON object a line: {{"id": "...", "text": "..."}}'  # a template: braces doubled

CATALOGUE: dict[str, Entry] = {e.code: e for e in (
    E("GB101", ONTOLOGY, "time datatype {datatype!r} of event {event_id!r} is not one of {time_types}", BUG),
    E("GB102", ONTOLOGY, "{node} has no nif:referenceContext to a document of the graph", FOREIGN_GRAPH),
    E("GB103", ONTOLOGY, "the graph holds blank nodes; graphbuild never writes them", FOREIGN_GRAPH),
    E("GB104", ONTOLOGY, "{path}: cannot parse the {what} ({reason})", "fix the Turtle syntax"),
    E("GB105", ONTOLOGY, "{what} {name!r} is not declared in the ontology{hint}",
      "declare it in ontology/{main_file} (event classes and roles may go in ontology/{events_file})"),
    E("GB106", ONTOLOGY, "{path} does not declare @prefix {missing}", "add them"),
    E("GB107", ONTOLOGY, "{prefix}:{name} is not declared in the ontology{hint}", "declare it in {where}"),
    E("GB108", ONTOLOGY, "{text} is in no namespace of ontology/{main_file}", BUG),
    E("GB109", ONTOLOGY, "cannot tell the kind of a node typed {asserted}", BUG),
    E("GB110", ONTOLOGY, "{prop} is not the property graphbuild maps {name!r} to", BUG),
    E("GB111", ONTOLOGY, "gb:{resource} has no gb:iriBase in ontology/{main_file}", "declare one"),
    E("GB112", ONTOLOGY, "role {role!r} ({prop}) is not declared rdfs:subPropertyOf sem:hasActor in the ontology",
      "declare it so in ontology/"),
    E("GB191", ANALYSIS, "the parsed text differs from the input text, so offsets would not line up",
      "the document was left out (please report this with the article)"),
    E("GB201", USAGE, "--published {value!r} is not a date", "write it as YYYY-MM-DD, e.g. --published 2020-01-07"),
    E("GB202", USAGE, "--store loads graph.trig: keep trig among --formats", ""),
    E("GB203", USAGE, "--formats: unknown format {unknown}", "choose from {choices}"),
    E("GB204", USAGE, "{graph}: no such file", "pass a graph written by graphbuild build, e.g. output/graph.trig"),
    E("GB205", USAGE, "{path}: no such graph", "run graphbuild build first or pass --graph DIR"),
    E("GB206", USAGE, "load needs exactly one of --store DIR (embedded) or --endpoint URL (a SPARQL server)", ""),
    E("GB207", USAGE, "query needs --store DIR (the embedded store that graphbuild load filled)", ""),
    E("GB208", USAGE, "--example replaces the query: pass it without a query or -f", ""),
    E("GB209", USAGE, "--base-iri {base_iri!r} is not an http(s) IRI ending in '/' or '#' without spaces or quotes",
      "pass e.g. --base-iri https://example.org/kg/"),
    E("GB210", USAGE, "--into {out}: graph.trig was not written by graphbuild or was changed since ({foreign}); "
      "adding to it would drop its triples",
      "build into a new directory, or load that graph into a triple store beside ours"),
    E("GB211", USAGE, "--max-chars {max_chars}: give a positive number of characters", ""),
    E("GB212", USAGE, "no such file or directory: {names}", "check the path (nothing was read or written)"),
    E("GB213", USAGE, "{flag} {shown} is not a directory", "pass a directory for the graph files"),
    E("GB214", USAGE, "{flag} {shown}: {existing} is a file, so the directory cannot be created", ""),
    E("GB215", USAGE, "--encoding {encoding!r} is not a text encoding ({reason})",
      "pass a Python codec name such as utf-8, cp1252 or latin-1"),
    E("GB216", USAGE, "{flag} {shown}: cannot write into {existing} ({reason})", "pass another directory"),
    E("GB217", USAGE, "{flag} {value!r}: choose {choices}", ""),
    E("GB218", USAGE, "{flag} {value}: give 1 or more {what}", ""),
    E("GB219", USAGE, "--scheduler needs --engine dask", ""),
    E("GB220", USAGE, "--strict needs validation: drop --no-validate or --strict", ""),
    E("GB221", USAGE, "--into {into} writes into {into}, but -o names {out}", "drop -o or give the same directory"),
    E("GB222", USAGE, "{gold}: no such file", "pass a gold JSONL such as ../shared/data/conll2003_dev.jsonl"),
    E("GB223", USAGE, "--{first} and --{second} cannot be combined",
      "give one of --events, --coref, --relations (or none, for mentions)"),
    E("GB224", USAGE, "--endpoint {url!r}: give an http:// or https:// URL, e.g. http://localhost:7878", ""),
    E("GB225", USAGE, "--auth-env {var}: the variable {var} is not set", "export {var}=USER:PASSWORD first"),
    E("GB226", USAGE, "--auth-env {var}: the variable must hold USER:PASSWORD (a colon between them)", ""),
    E("GB227", USAGE, "refusing to send the credentials of {var} over plain HTTP to {hostname}",
      "use an https:// --endpoint (plain http is allowed to localhost only)"),
    E("GB228", USAGE, "{path}: no such file or directory", "check the path"),
    E("GB229", USAGE, "{path}: cannot check {suffix} files", "pass one of {formats}"),
    E("GB230", USAGE, "{path}: no graph.trig, graph.ttl, graph.nt or graph.jsonld here",
      "pass an output directory of graphbuild build or one RDF file"),
    E("GB231", USAGE, "--store {store_dir}: not a directory", "pass a directory for the Oxigraph store"),
    E("GB232", USAGE, "--store {store_dir}: no store there",
      "create one with graphbuild load OUTPUT_DIR --store {store_dir}"),
    E("GB233", USAGE, "--example {name!r}: no such example", "choose one of {names}"),
    E("GB234", USAGE, "pass the query either inline (\"SELECT ...\") or with -f FILE.rq, not both", ""),
    E("GB235", USAGE, "--default-graph: give union, default, or one or more graph IRIs, not a mix", ""),
    E("GB236", USAGE, "-f {path}: cannot read the query ({reason})", ""),
    E("GB237", USAGE, "--default-graph: {reason}",
      "pass union, default or a graph IRI such as https://w3id.org/graphbuild/id/graph/cross-document"),
    E("GB238", USAGE, "--format {fmt!r}: choose one of {formats}", ""),
    E("GB239", USAGE, "--format json is for SELECT and ASK",
      "a CONSTRUCT gives Turtle (table) or N-Triples (csv, tsv)"),
    E("GB240", USAGE, "{code}: no such error code", "run graphbuild errors to list them"),
    E("GB241", INPUT, "cannot read the gold file ({reason})", "expected {expected}"),
    E("GB242", INPUT, "not a gold record ({reason})", "expected {expected}"),
    E("GB243", INPUT, "`{name}` holds a lone surrogate ({char} at character {at}), which is not Unicode text",
      "remove or replace the {char} in the input"),
    E("GB244", INPUT, "HTML nested more than {max_depth:,} elements deep",
      "check that the file is a web page, not generated junk"),
    E("GB245", INPUT, "no visible text in the HTML page",
      "check that the article body is in the page, not loaded by a script"),
    E("GB246", INPUT, "empty file{note}", "nothing to read"),
    E("GB247", INPUT, "looks like UTF-16 text without a byte-order mark", "pass --encoding {utf16}"),
    E("GB248", INPUT, "binary file ({reason}); graphbuild reads .txt, .md, .html, .jsonl", ""),
    E("GB249", INPUT, "not UTF-8, and its encoding could not be detected", ENCODING_FIX),
    E("GB250", INPUT, "not UTF-8, and detection is unsure (best guess {encoding})", ENCODING_FIX),
    E("GB251", INPUT, "unknown encoding {encoding!r}", "pass a Python codec name to --encoding, e.g. cp1252"),
    E("GB252", INPUT, "not valid {encoding} (byte {start})", ENCODING_FIX),
    E("GB253", INPUT, "symlink to {what} outside the input tree ({target}); not followed",
      "pass --follow-symlinks to read files outside the input tree"),
    E("GB254", INPUT, "{kind}, not a regular file; only regular files are read", ""),
    E("GB255", INPUT, "cannot read: {reason}", "check the file's permissions"),
    E("GB256", INPUT, "cannot read directory: {reason}", "check its permissions"),
    E("GB257", INPUT, "a JSON {type}, not an object", RECORD_FIX),
    E("GB258", INPUT, "empty `text`", "give the record its article text or drop the line"),
    E("GB259", INPUT, "malformed JSON: {msg} at column {colno}", RECORD_FIX),
    E("GB260", INPUT, "JSON nested too deeply to read", RECORD_FIX),
    E("GB261", INPUT, "record of {size:,} bytes too large to read", "split the record"),
    E("GB262", INPUT, "unexpected error while reading ({type}: {reason})", "please report it with the {unit}"),
    E("GB263", INPUT, "not valid {encoding} (byte {start} of the line)", ENCODING_FIX),
    E("GB264", INPUT, "metadata must be a JSON object", "fix or remove the .meta.json file"),
    E("GB265", INPUT, "`{key}` must be a string, not {type}", ""),
    E("GB266", INPUT, "malformed metadata: {reason}", "fix or remove the .meta.json file"),
    E("GB267", INPUT, "metadata JSON nested too deeply to read", "fix or remove the .meta.json file"),
    E("GB268", INPUT, "`published` is not a date: {value!r}", "write YYYY-MM-DD or an ISO 8601 datetime"),
    E("GB269", INPUT, "no such file or directory", "check the path"),
    E("GB270", INPUT, "metadata: {problem}", "fix or remove the .meta.json file"),
    E("GB271", INPUT, "too large or too deeply nested to read ({type})", ""),
    E("GB273", INPUT, "unsupported kind of file {suffix!r}",
      "graphbuild reads {supported} files, directories of them, and - for stdin"),
    E("GB274", INPUT, "{reason}", "or pass --on-error skip to go on without it"),
    E("GB275", INPUT, "cannot read {suffix} as RDF", "pass a {formats} file written by graphbuild"),
    E("GB276", INPUT, "cannot parse the graph ({reason})", "pass a graph written by graphbuild build"),
    E("GB277", INPUT, "the graph is not one graphbuild wrote or is incomplete ({reason!r})",
      "rebuild it with graphbuild build"),
    E("GB278", INPUT, "a store loads named graphs, and this file has none",
      "pass graph.trig or an N-Quads file ({dataset_formats})"),
    E("GB279", INPUT, "no graph.trig in this output directory",
      "build it with trig among --formats (the default), or pass the .trig file"),
    E("GB280", INPUT, "no such file or directory", "pass an output directory of graphbuild build"),
    E("GB281", INPUT, "a triple lies in the default graph ({triple})",
      "put every triple in a named graph (graphbuild build does)"),
    E("GB282", INPUT, "the graph holds blank nodes, so re-loading would duplicate them",
      "load a graph written by graphbuild build (it mints an IRI for every node)"),
    E("GB283", INPUT, "no `text` field", RECORD_FIX),
    E("GB284", INPUT, "`text` must be a string, not {type}", RECORD_FIX),
    E("GB285", INPUT, "article of {length:,} characters is over the limit of {limit:,}",
      "split it into several articles, or raise the limit with --max-chars N; "
      "a build takes about 1.3 GB of memory per million characters"),
    E("GB286", INPUT, "article of {length:,} characters is over the {mib} MiB an RDF parser reads as one literal; "
      "the text is stored whole as nif:isString", "split it into several articles"),
    E("GB287", INPUT, "only whitespace{note}", "nothing to read"),
    # Corrections (graphbuild correct; the corrections file of a build)
    E("GB200", INPUT, "correction {node}: {prop} is missing or not {expected}", "fix or delete that block"),
    E("GB272", USAGE, "--corrections {path}: no such file",
      "pass the corrections file graphbuild correct wrote (by default {default} in the output directory)"),
    E("GB288", USAGE, "refused: {new} contradicts {old} (by {agent} at {created}) in {path}",
      "delete that block from {path} first if it is wrong, then run graphbuild correct again"),
    E("GB289", USAGE, "{path}: {first} contradicts {second}",
      "delete one of the two blocks (graphbuild correct refuses such pairs; this file was edited by hand)"),
    E("GB290", USAGE, "{first!r} and {second!r} are one node already ({iri})", "nothing to merge"),
    E("GB293", USAGE, "correct kind: {kind!r} is not a kind", "choose {kinds}"),
    E("GB294", USAGE, "correct split {label!r}: no --doc, or a document that does not mention it ({wrong})",
      "give --doc ID for each document whose mentions become a node of their own; it is mentioned in: {seen}"),
    E("GB295", USAGE, "correct split {label!r}: --doc names every document of the node ({seen})",
      "leave at least one out"),
    E("GB296", USAGE, "no entity is named {name!r} in the graph",
      "check the spelling with graphbuild explain {name!r} --graph DIR, or pass the node's IRI"),
    E("GB297", USAGE, "{name!r} names {count} entities; pass the IRI of the one you mean instead of the name:\n{listed}",
      ""),
    E("GB298", INPUT, "cannot read the corrections file ({reason})", "pass an existing file with --corrections"),
    E("GB299", INPUT, "cannot parse the corrections file ({reason})", "fix the Turtle by hand, or delete the broken block"),
    E("GB291", QUERY, "the SPARQL query does not parse at line {line}, column {column}: {detail}\n  {text}\n  {pad}^",
      ""),
    E("GB292", QUERY, "the SPARQL query does not parse: {message}", ""),
    E("GB301", MODEL, "spaCy model {name!r} is not installed",
      "run `make demo` (it installs the pinned en_core_web_sm), or install the model you named and pass it "
      "with --model"),
    E("GB401", OUTPUT, "the HTML view needs vis-network from the pyvis package", "pip install pyvis==0.3.2"),
    E("GB402", OUTPUT, "{name} contains '</script', '</style' or '<!--' and cannot be inlined", ""),
    E("GB403", OUTPUT, "{parent}: no such directory", "create it or choose another -o FILE.html"),
    E("GB404", OUTPUT, "{path}: cannot read vis-network ({reason})", "reinstall pyvis==0.3.2"),
    E("GB405", OUTPUT, "writing the outputs into {out} failed ({reason}); the previous set was left as it was", ""),
    E("GB406", OUTPUT, "the graph does not conform to ontology/shapes.ttl ({violations} violations) and --strict "
      "is set; nothing was written (without --strict the offending statements go to {rejected_file}). "
      "First problems:\n{summary}", ""),
    E("GB407", OUTPUT, "a fact points at {kind} {id!r}, which is not in the model", BUG),
    E("GB408", OUTPUT, "span {start}-{end} lies outside document {doc_id!r} ({length} characters)", BUG),
    E("GB409", OUTPUT, "mention {text!r} at {start}-{end} does not match document {doc_id!r} (text there: {found!r})",
      "offsets must index Document.text"),
    E("GB410", OUTPUT, "same_as {value!r} of entity {owner!r} is not a valid IRI ({reason})", ""),
    E("GB411", OUTPUT, "two documents share the id {id!r}", "ids must be unique"),
    E("GB412", OUTPUT, "cannot write RDF term {node!r}", BUG),
    E("GB413", OUTPUT, "unknown RDF format {fmt!r}", "use one of {file_names}"),
    E("GB414", OUTPUT, "the graph holds a blank node; graphbuild mints an IRI for every node", ""),
    E("GB415", OUTPUT, "a literal of {length:,} characters ({head!r}...) is over the {mib} MiB a strict RDF parser "
      "reads as one token",
      "split the article it comes from"),
    E("GB416", OUTPUT, "{name} re-parses to {got} statements, expected {want} ({missing} missing); the old file was "
      "left as it was", ""),
    E("GB417", OUTPUT, "unknown RDF format(s) {unknown}", "use --formats with {file_names}"),
    E("GB418", OUTPUT, "{name} does not re-parse as {fmt} ({reason}); the old file was left as it was", ""),
    E("GB419", OUTPUT, "invalid IRI {iri!r} in the graph ({reason}); it cannot be written", ""),
    E("GB420", OUTPUT, "cannot write the non-finite number {value!r} as xsd:decimal", BUG),
    E("GB421", OUTPUT, "the graph does not conform to ontology/shapes.ttl ({violations} violations that removing "
      "statements does not fix); nothing was written. First problems:\n{summary}", ""),
    E("GB422", OUTPUT, "{name} as written to disk is not the text whose every graph was checked; the old file was "
      "left as it was", BUG),
    E("GB423", OUTPUT, "{name} is written from {fmt} text that does not parse ({reason}); the old file was left "
      "as it was", BUG),
    E("GB501", STORE, "cannot open the store in {store_dir} for writing ({reason})",
      "if another graphbuild or an oxigraph server has it open, stop that first"),
    E("GB502", STORE, "cannot open the store in {store_dir} ({reason})",
      "is it an Oxigraph store written by graphbuild load?"),
    E("GB503", STORE, "writing to the store in {store_dir} failed ({reason})",
      "check free disk space and retry (each graph is replaced as a whole, so a retry is safe)"),
    E("GB504", STORE, HTTP, "see the server's answer above"),
    E("GB505", STORE, "{method} {url} (graph {graph}) failed after {retries} retries ({reason})",
      "is the server running? check --endpoint"),
    E("GB506", STORE, "the store failed while answering the query ({reason})", ""),
    E("GB511", STORE, HTTP, "the server refused the credentials: check the variable of --auth-env and --auth-scheme "
      "(Virtuoso wants digest)"),
    E("GB512", STORE, HTTP, "the user may not write there: grant it write access, or check --gsp-path (a read-only "
      "path?)"),
    E("GB513", STORE, HTTP, "no Graph Store endpoint at that path: check --endpoint and --gsp-path (Oxigraph /store, "
      "Fuseki /DATASET/data, GraphDB /repositories/REPO/rdf-graphs/service, Virtuoso /sparql-graph-crud-auth)"),
    E("GB514", STORE, HTTP, "that path does not accept writes: check --gsp-path (Virtuoso's plain "
      "/sparql-graph-crud is read-only)"),
    E("GB515", STORE, HTTP, "the server refused the batch size: lower --batch-size"),
    E("GB516", STORE, HTTP, "the server does not take N-Triples there: check --gsp-path"),
    E("GB601", NOTHING, "no document could be read or analysed ({count} input(s) skipped); nothing was written and "
      "{where} was left as it was", ""),
    E("GB701", BUSY, "another build is writing to {directory}: {holder}",
      "wait for it to end, or pass --wait SECONDS to queue behind it"),
)}

__all__ = ["CATALOGUE", "Entry"]
