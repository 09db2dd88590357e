"""Who a statement comes from when no name is its subject: "the agency said" (the
organization named before whose kind of body the noun says), "a spokesperson for X
said" (X), "according to X" (the
statement is the rest of the sentence), and a speech verb after a long subject
(`," chairman of the board Susan Arnold said`).

Also whether a quote stands alone as a sentence and follows its attribution (text only).
Helpers of `quotes`; read-only.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphbuild.extract.missed_names import dateline_end
from graphbuild.extract.records import FoundQuote
from graphbuild.extract.view import DocumentView

# Common nouns that stand for an organization named before ("the agency said").
ORGANIZATION_NOUNS = frozenset(
    "agency company firm organization organisation ministry department government "
    "administration police office group union league club team court committee council "
    "commission board network studio studios campaign party bank authority authorities "
    "service institute university hospital airline carrier automaker retailer regulator "
    "federation association military army navy".split()
)
OPEN_MARKS = frozenset('"\u201c')
CLOSE_MARKS = frozenset('"\u201d')
LOOKBACK_SENTENCES = 3
MAX_SUBJECT = 12  # tokens between a closing quote mark and its speech verb


def organization_antecedent(view: DocumentView, noun: Token) -> str | None:
    """The Organization "the NOUN" refers to: the nearest one mentioned before it within a
    few sentences, preferring one whose name holds the noun ("the agency" -> "the
    Federal Emergency Management Agency"), then one that was a subject."""
    if noun.lemma_.lower() not in ORGANIZATION_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return None
    doc = noun.doc
    first = noun.sent.start
    for _ in range(LOOKBACK_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    before = [(eid, s) for eid, s in view.entity_spans(("Organization",)) if first <= s.start and s.end <= noun.left_edge.i]
    if not before:
        return None
    word = noun.lemma_.lower()
    named = [eid for eid, s in before if word in {t.lemma_.lower() for t in s} or word in view.label(eid).lower()]
    # A subject is what a story goes on about: "Acme bought Beta Corp. The company said"
    subjects = [eid for eid, s in before if s.root.dep_ in ("nsubj", "nsubjpass")]
    return (named or subjects or [eid for eid, _ in before])[-1]


def classifies(name: str, noun: Token) -> bool:
    """Whether an organization's name before an organization noun says what the noun's
    referent belongs to, not what it is: its own head is another such noun ("the Premier
    League club", "the Labour Party government"); "the Acme company" is Acme."""
    head = name.split()[-1].lower() if name.split() else ""
    return noun.lemma_.lower() in ORGANIZATION_NOUNS and head in ORGANIZATION_NOUNS | {"league", "cup"} and head != noun.lemma_.lower()


def owner_of_noun(view: DocumentView, noun: Token) -> str | None:
    """The entity a common-noun subject belongs to: its possessor or the name of its
    "of" phrase ("Latvia's government", "the government of Prime Minister X")."""
    for c in noun.children:
        if c.dep_ == "poss" and view.token_entity(c) is not None:
            return view.token_entity(c)
        if c.dep_ == "prep" and c.lower_ == "of":
            named = [p for p in c.children if p.dep_ == "pobj" and view.token_entity(p) is not None]
            if named:
                return view.token_entity(named[0])
    return None


# Who speaks for someone else: what they say is their principal's statement.
SPOKES_NOUNS = frozenset("spokesperson spokesman spokeswoman representative".split())


def represented_by(view: DocumentView, noun: Token) -> str | None:
    """The organization or person a spokes-noun speaks for: "a spokesperson for X", "a
    spokesman of X", "X's spokeswoman", "a spokesperson for the agency" (the agency named
    before); unnamed: a named spokesperson is the speaker."""
    for c in noun.children:
        if c.dep_ == "poss":
            eid = view.token_entity(c)
        elif c.dep_ == "prep" and c.lower_ in ("for", "of", "at"):
            objects = [p for p in c.children if p.dep_ == "pobj"]
            eid = next((view.token_entity(p) for p in objects if view.token_entity(p)), None) or next(
                (found for p in objects if (found := organization_antecedent(view, p))), None)  # "for the agency"
        else:
            continue
        if eid is not None and view.kind(eid) in ("Person", "Organization"):
            return eid
    return None


def speech_verb_after_subject(doc, start: int, is_speech, quoted) -> Token | None:
    """The speech verb after a subject that starts at token `start` (right after a
    closing mark): the first verb within `MAX_SUBJECT` tokens, if it is a speech verb
    whose subject the tokens before it are."""
    end = min(len(doc), start + MAX_SUBJECT)
    for t in doc[start:end]:
        if "\n" in t.text or quoted(t.idx) or t.text in (".", "!", "?", ";", "\u201c", '"'):
            return None
        if t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if is_speech(t) and subj is not None and subj.i >= start:
                return t
            return None
    return None


def according_to(view: DocumentView, quoted) -> Iterator[FoundQuote]:
    """ "According to X, <clause>" / "<clause>, according to X": the clause as a
    statement of X (a Person or Organization)."""
    doc = view.doc
    text = doc.text  # spaCy joins every token's text again on each access
    if "according" not in text.lower():  # no token lowers to "according" unless the lowered text holds it
        return
    for t in doc:
        if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to" or quoted(t.idx):
            continue
        obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        source = view.entity_of_tokens([obj] + [c for c in obj.children if c.dep_ in ("compound", "flat")])
        if source is None:
            source = view.token_entity(obj)
        if source is None or view.kind(source) not in ("Person", "Organization"):
            continue
        sent = t.sent
        phrase_end = max(x.i for x in obj.subtree) + 1
        line_start = line_start_token(doc, t.i, sent.start, text)
        if t.text == "According" or t.i == line_start:
            a, z = phrase_end, sent.end  # "According to X, ..."
        else:
            a, z = line_start, t.i  # "..., according to X."
        clause = _trimmed(doc[a:z])
        if clause is None:
            continue
        yield FoundQuote(source, clause.start_char, clause.end_char, sent.start_char, sent.end_char,
                         "according-to", 0.7)


def line_start_token(doc, i: int, floor: int, text: str | None = None) -> int:
    """The first token at or after `floor` on the line of token `i` (a sentence the parser
    ran across a headline's line break starts on the line of its verb), after the
    line's dateline ("TAMALE, Ghana - Heavy rains ..., officials said"). `text`: `doc.text`,
    when the caller has it (spaCy rebuilds it on each access)."""
    k = i
    while k > floor and "\n" not in doc[k - 1].text and "\n" not in doc[k - 1].whitespace_:
        k -= 1
    end = dateline_end(doc.text if text is None else text, doc[k].idx)
    while k < i and doc[k].idx < end:
        k += 1
    return k


def stands_alone(text: str, start: int, end: int) -> bool:
    """The quote is a sentence of its own: it opens after a sentence end or a line break and
    ends a sentence (`"We will find him."`), with no words attached after it."""
    before = text[: start - 1].rstrip(" \t")
    prev = before[-1:] if before else "\n"
    if prev in CLOSE_MARKS:  # `...," he said. "` never reaches here; `"..." "` does
        prev = before[-2:-1] or "\n"
    if prev not in ".!?\n" and prev not in CLOSE_MARKS:
        return False
    inside = text[start:end].rstrip()
    line_end = text.find("\n", end)
    after = text[end + 1 : line_end if line_end >= 0 else len(text)].lstrip(" \t")
    ends_sentence = inside[-1:] in (".", "!", "?") or after[:1] in (".", "!", "?")
    return ends_sentence and (not after or after[:1] in ".!?" or after[:1] in OPEN_MARKS or after[:1].isupper())


def adjacent(text: str, attribution_end: int, start: int) -> bool:
    """Only whitespace and punctuation between an attribution and the next quote."""
    return attribution_end < start and not text[attribution_end : start - 1].strip(" \t\n.,;!?" + "".join(CLOSE_MARKS))


def _trimmed(span: Span) -> Span | None:
    toks = [t for t in span]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if len(toks) < 4:
        return None
    return span.doc[toks[0].i : toks[-1].i + 1]


def sentence_bounds(doc, start: int, end: int) -> tuple[int, int]:
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return start, end
    return first.sent.start_char, last.sent.end_char


def attribution_end(text: str, end: int, verb: Token | None) -> int:
    """Where the sentence that attributed a quote ends: after the speech verb's clause
    (`," he said.`) or right after the closing mark (`he said: "..."`)."""
    if verb is None:
        return min(len(text), end + 1)
    at = verb.idx + len(verb)
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    for k in range(at, line_end):
        if text[k] in ".!?":
            return k + 1
    return line_end


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quoted stretch of `text` (the words inside the marks),
    pairing marks within a paragraph; an unclosed quote ends at its paragraph's end."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for para in text.split("\n"):
        open_at = None
        for k, ch in enumerate(para):
            if open_at is None and ch in OPEN_MARKS:
                open_at = k + 1
            elif open_at is not None and ch in CLOSE_MARKS:
                spans.append((pos + open_at, pos + k, True))
                open_at = None
        if open_at is not None and para[open_at:].strip():
            spans.append((pos + open_at, pos + len(para.rstrip()), False))
        pos += len(para) + 1
    return spans


def closes_a_quote(clause) -> bool:
    """The last of the tokens `clause` is the mark closing a quote opened among them."""
    last, rest = clause[-1].text, "".join(t.text for t in clause[:-1])
    if last == '"':
        return rest.count('"') % 2 == 1
    return last in CLOSE_MARKS and any(rest.count(o) > rest.count(last) for o in OPEN_MARKS if o != '"')
