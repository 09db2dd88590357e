"""Direct quotes and reported speech, attributed to their speakers.

- Direct: a quoted span of at least `MIN_WORDS` words whose speech verb stands right after
  it (`"...," Salami said`, `"..." he added`) or before it in its sentence
  (`he told the Commons: "..."`). A quote that opens a paragraph after one left open
  continues the previous speaker, and so does a quote that is a sentence of its own right
  after a sentence that attributed a quote or reported speech (`"...," X said. "..."`,
  `X said the case was closed. "..."`). Verbs inside quotes never make a new speaker.
- Reported: `X said (that) <clause>` or `<clause>, X said` outside quotes, kept only when X
  is an entity; "the agency said" and "according to X" (`quote_sources`).
- A personal pronoun subject ("he", "she") is the person named as a subject before it:
  in its sentence, else in the previous one, else the last speaker.

`find_quotes(view)` yields `FoundQuote` records in parse offsets: the quoted words (no
quote marks); the stage maps them to the source text.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphbuild.extract.quote_sources import CLOSE_MARKS, OPEN_MARKS, according_to, adjacent, line_start_token
from graphbuild.extract.quote_sources import SPOKES_NOUNS, quote_spans, represented_by
from graphbuild.extract.quote_sources import ORGANIZATION_NOUNS, attribution_end, classifies, organization_antecedent, owner_of_noun, sentence_bounds
from graphbuild.extract.quote_sources import closes_a_quote, speech_verb_after_subject, stands_alone
from graphbuild.extract.records import FoundQuote
from graphbuild.extract.view import DocumentView

SPEECH_VERBS = frozenset("say tell add warn state declare claim insist explain note write ask reply respond announce "
                         "vow threaten argue tweet recall acknowledge admit confirm deny stress suggest urge continue "
                         "conclude report testify comment indicate observe remark assert caution emphasize emphasise "
                         "maintain contend".split())
REPORTED_VERBS = frozenset("say tell add warn state declare claim insist explain announce argue acknowledge admit "
                           "confirm deny stress indicate assert maintain contend emphasize emphasise".split())  # + ccomp
NAMING_VERBS = frozenset("call describe label term dub brand".split())
PERSONAL = frozenset("he she".split())
MIN_WORDS = 3
SUBJECTS = frozenset("nsubj nsubjpass".split())
SUBORDINATE_DEPS = frozenset("ccomp advcl relcl acl pcomp csubj".split())
AFTER_WINDOW = 6  # tokens after a closing mark where the speech verb may stand


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace()):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:'"):
        end -= 1
    return start, end


class _Speakers:
    """Who a subject token refers to, with the last speaker as memory."""

    def __init__(self, view: DocumentView, inside: list[tuple[int, int, bool]]):
        self.view = view
        self.inside = inside
        self.persons = [(eid, s) for eid, s in view.entity_spans(("Person",)) if not self.quoted(s.start_char)]
        # The persons of each sentence (by its first token), in order: a pronoun looks
        # only at its own sentence and the three before (linear in the document).
        self.by_sentence: dict[int, list[tuple[str, Span]]] = {}
        for eid, s in self.persons:
            self.by_sentence.setdefault(s.sent.start, []).append((eid, s))
        self.last: str | None = None

    def quoted(self, char: int) -> bool:
        return any(a <= char < z for a, z, _ in self.inside)

    def of_subject(self, subj: Token) -> tuple[str | None, float]:
        if subj.lower_ in PERSONAL:
            return self.antecedent(subj), 0.75
        if subj.pos_ == "PRON":
            return None, 0.0
        # the subject's own words (name and compounds), not its appositive or clauses
        words = [subj] + [t for t in subj.children if t.dep_ in ("compound", "flat")]
        eid = self.view.token_entity(subj) or self.view.entity_of_tokens(words)
        if eid is not None and subj.pos_ == "NOUN" and classifies(self.view.label(eid), subj):
            eid = None  # "the Premier League club said": the club, not the league
        if eid is not None and self.view.kind(eid) not in ("Person", "Organization"):
            eid = None
        if eid is None:  # "the club's manager, Alan Pryce, said"
            named = [c for c in subj.children if c.dep_ == "appos" and self.view.token_kind(c) == "Person"]
            eid = self.view.token_entity(named[0]) if named else None
        if eid is None and subj.pos_ == "NOUN" and subj.lemma_.lower() in SPOKES_NOUNS:
            represented = represented_by(self.view, subj)  # "a spokesperson for the agency said"
            if represented is not None:
                return represented, 0.6
        if eid is None and subj.pos_ == "NOUN":  # "the agency said"
            owner = owner_of_noun(self.view, subj) if subj.lemma_.lower() in ORGANIZATION_NOUNS else None
            if owner is not None:  # "the government of Prime Minister X said": X's, not an earlier one's
                return (owner, 0.6) if self.view.kind(owner) in ("Person", "Organization") else (None, 0.0)
            found = organization_antecedent(self.view, subj)
            return (found, 0.6) if found is not None else (None, 0.0)
        return eid, 0.9

    def antecedent(self, pron: Token) -> str | None:
        sent = pron.sent
        same = [eid for eid, s in self.by_sentence.get(sent.start, ()) if s.end <= pron.i]
        if same:
            return same[-1]
        doc = pron.doc
        prev_start = sent.start
        for _ in range(3):  # the nearest of the three sentences before that names a person
            if prev_start == 0:
                break
            prev_start = doc[prev_start - 1].sent.start
            prev = self.by_sentence.get(prev_start, [])
            if not prev:
                continue
            # the main clause's subject first, then any subject
            main = [eid for eid, s in prev if s.root.dep_ in SUBJECTS and s.root.head.dep_ == "ROOT"]
            subjects = [eid for eid, s in prev if s.root.dep_ in SUBJECTS]
            if main or subjects:
                return (main or subjects)[0]
            if prev:
                return prev[-1][0]
        return self.last


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:  # "chairman of the board Lena Ortiz said": two subjects, the name is the speaker
        names = [c for c in subjects if c.pos_ == "PROPN"]
        return names[-1] if len(subjects) > 1 and names else subjects[0]
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head != verb:  # "..., saying"
        if verb.dep_ == "conj" and verb.head.dep_ in SUBORDINATE_DEPS:
            return None  # "X asked why Y was absent and said": whose "said" is unclear
        return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "... before stating that"
        return _subject(verb.head.head)
    return None


def _is_speech_verb(t: Token) -> bool:
    return t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")


def _speech_verb_after(doc, end_char: int, sp: _Speakers) -> Token | None:
    """A speech verb within a few tokens after the closing mark (`," Salami said`); None
    when the quote ends a sentence and the verb reports a clause of its own (`grant." The
    government said it would`), or a stop after the mark ends it (`closely". Acme said`)."""
    tok = doc.char_span(end_char, end_char + 1, alignment_mode="expand")
    if tok is None:
        return None
    i = tok.end
    if i < len(doc) and doc[i].text in (".", "!", "?"):
        return None  # `closely". Acme said it had`: the stop after the mark ends the sentence
    verb = next((t for t in doc[i : i + AFTER_WINDOW] if _is_speech_verb(t)), None)
    stop = next((t.i for t in doc[i : i + AFTER_WINDOW] if "\n" in t.text or t.text in OPEN_MARKS or sp.quoted(t.idx)), None)
    if verb is None or (stop is not None and stop <= verb.i):
        # a longer subject (`," chairman of the board Susan Arnold said`)
        verb = speech_verb_after_subject(doc, i, _is_speech_verb, sp.quoted)
    new_sentence = i < len(doc) and doc[i].is_sent_start and doc.text[:end_char].rstrip().endswith(".")
    if verb is not None and new_sentence and any(c.dep_ == "ccomp" for c in verb.children):
        return None
    return verb


def _speech_verb_before(doc, start_char: int, sp: _Speakers) -> Token | None:
    """The nearest speech verb before the opening mark in its sentence (`he said: "`)."""
    tok = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if tok is None:
        return None
    sent = tok.sent
    # the quote must be the verb's object: right after it, or after a colon or comma
    prev = doc[tok.start - 1] if tok.start > sent.start else None
    introduced = prev is not None and prev.text in (":", ",")
    for t in reversed(doc[sent.start : tok.start]):
        if sp.quoted(t.idx):
            continue
        if _is_speech_verb(t):
            # `X wrote that the law gave them "powers ..."`: a quote inside the verb's clause
            inside = any(c.dep_ == "ccomp" and c.left_edge.i <= tok.start <= c.right_edge.i for c in t.children) \
                and not _reported_within(doc[tok.start], t)
            return t if introduced or inside or tok.start - t.i <= 2 else None
    return None


def _reported_within(tok: Token, verb: Token) -> bool:
    """Whether another verb of speech or naming stands between `tok` and `verb` on the
    head path (`X said the mayor had called the plan "a disaster"`: the mayor's words)."""
    while tok != verb and tok.head != tok:
        tok = tok.head
        if tok != verb and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS | NAMING_VERBS:
            return True
    return False


def _speaker_of_sentence_before(doc, start: int, sp: _Speakers) -> tuple[str, int] | None:
    """(speaker, end) of the sentence before a quote when its main verb is a speech verb
    outside quotes with a known subject: `Smith said the case was closed. "We are done."`"""
    tok = doc.char_span(start - 1, start, alignment_mode="expand")
    if tok is None or tok.start == 0:
        return None
    prev = doc[tok.start - 1]
    if sp.quoted(prev.idx):
        return None
    root = prev.sent.root
    if root.lemma_.lower() not in REPORTED_VERBS or root.pos_ not in ("VERB", "AUX") or sp.quoted(root.idx):
        return None
    subj = _subject(root)
    if subj is None:
        return None
    speaker, _ = sp.of_subject(subj)
    if speaker is None:
        return None
    return speaker, attribution_end(doc.text, root.idx, root)


def find_quotes(view: DocumentView) -> Iterator[FoundQuote]:
    """Direct quotes, then reported speech, of the document; a direct quote inside a
    reported clause (`he said he was "monitoring it closely"`) is that clause's, not a
    statement of its own."""
    text = view.doc.text
    spans = quote_spans(text)
    sp = _Speakers(view, spans)
    direct = list(_direct(view, sp, spans))
    reported = list(_reported(view, sp, text))
    yield from (q for q in direct if not any(r.start <= q.start and q.end <= r.end for r in reported))
    yield from reported
    yield from according_to(view, sp.quoted)


def _direct(view: DocumentView, sp: _Speakers, spans) -> Iterator[FoundQuote]:
    doc = view.doc
    text = doc.text
    previous_open: tuple[str | None, int] | None = None  # speaker of a quote left open
    attributed: tuple[str, int] | None = None  # (speaker, end of its sentence) of the last quote
    for start, end, closed in spans:
        a, z = _trim(text, start, end)
        if len(text[a:z].split()) < MIN_WORDS:
            previous_open = None
            continue
        verb = _speech_verb_after(doc, end, sp) if closed else None
        rule = "quote-after"
        if verb is None:
            verb = _speech_verb_before(doc, start - 1, sp)
            rule = "quote-before"
        speaker, conf = None, 0.5
        if verb is not None:
            subj = _subject(verb)
            if subj is not None:
                speaker, conf = sp.of_subject(subj)
        elif previous_open is not None and text[: start - 1].rstrip().endswith(text[previous_open[1] : start - 1].rstrip()):
            speaker, conf, rule = previous_open[0], 0.7, "quote-continued"
        s_start, s_end = sentence_bounds(doc, start - 1, min(len(text), end + 1))
        if verb is None and rule != "quote-continued" and closed and stands_alone(text, start, end):
            if attributed is None or not adjacent(text, attributed[1], start):
                attributed = _speaker_of_sentence_before(doc, start, sp)
            if attributed is not None and adjacent(text, attributed[1], start):
                speaker, conf, rule = attributed[0], 0.65, "quote-continued"
        if verb is None and rule != "quote-continued":
            previous_open = None
            attributed = None
            continue  # unattributed: a headline or a scare quote
        yield FoundQuote(speaker, a, z, s_start, s_end, rule, conf if speaker else 0.5)
        if speaker is not None:
            sp.last = speaker
        attributed = (speaker, attribution_end(text, end, verb if rule == "quote-after" else None)) if speaker is not None else None
        previous_open = (speaker, end) if not closed else None


def _clause_first(verb: Token, clause: Token) -> bool:
    """ "<clause>, X said": a finite clause (with its own subject, not "Speaking at ...")
    ending at the comma before the speech verb's subject."""
    subj = _subject(verb)
    if subj is None or subj.i > verb.i or not any(c.dep_ in SUBJECTS for c in clause.children):
        return False
    first = min(t.i for t in subj.subtree)
    return first > 0 and verb.doc[first - 1].text == "," and max(t.i for t in clause.subtree) == first - 2


def _reported(view: DocumentView, sp: _Speakers, text: str) -> Iterator[FoundQuote]:
    doc = view.doc  # `text` is doc.text
    for verb in doc:
        if verb.lemma_.lower() not in REPORTED_VERBS or verb.pos_ not in ("VERB", "AUX") or sp.quoted(verb.idx):
            continue
        # "X said (that) ..." or "..., X said" (the clause first, then a comma)
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and (c.i > verb.i or _clause_first(verb, c))]
        subj = _subject(verb)
        if not clauses or subj is None:
            continue
        first = line_start_token(doc, verb.i, verb.sent.start, text) if clauses[0].i < verb.i else 0
        clause = [t for t in clauses[0].subtree if t.i >= first]
        while clause and (clause[0].is_punct or (clause[0].lower_ == "that" and clause[0].dep_ == "mark")):
            clause = clause[1:]
        while clause and (clause[-1].is_punct or clause[-1].text in CLOSE_MARKS) and not closes_a_quote(clause):
            clause = clause[:-1]
        if len(clause) < 4:
            continue
        a, z = clause[0].idx, clause[-1].idx + len(clause[-1])
        if any(qa - 1 <= a and z <= qz + 1 for qa, qz, _ in sp.inside):  # a direct quote already
            continue
        speaker, conf = sp.of_subject(subj)
        if speaker is None:
            continue
        sent = verb.sent
        yield FoundQuote(speaker, a, z, sent.start_char, sent.end_char, "reported-speech", min(conf, 0.8))
        sp.last = speaker
