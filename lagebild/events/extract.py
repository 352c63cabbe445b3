"""Who did what to whom: PLOVER events from a parsed, linked German ``Doc`` (a pure function).

:func:`find_events` reads what earlier components left on the doc — the parse (``token.dep_``,
``token.head``), the linker's ``doc.spans["mentions"]`` (``Span._.actor_id``), the time component's
``doc.spans["timexes"]`` (``Span._.timex``) and, when present, the quote component's
``doc.spans["quotes"]``/``doc.spans["reported"]`` (``Span._.quote``) — and returns :class:`Found`
items; the component (``component.py``) only turns them into records. Nothing here needs a model:
rule tests build the ``Doc`` by hand.

How (docs/events.md): a trigger is a verb form or a noun of the lexicon (``data/lexicon_de.yaml``).
Its *clause* is the stretch of the sentence between punctuation marks and line breaks. Actors are
the linked mentions of the clause: the subject (parse) is the source, else the first bare noun
phrase before the others; the target is the mention after a preposition the entry names ("mit
Putin", "gegen die Ukraine") or the next bare noun phrase (object). Parses of news German by the
small models are noisy, so every dependency rule has a word-order fallback.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from lagebild.events.lexicon import EventLexicon, NounEntry, VerbEntry, load_lexicon

__all__ = ["COMPONENT", "Arg", "Found", "find_events"]

#: Versioned name stored with every event record.
COMPONENT = "lagebild.events.v1"

# Hand-set confidence priors (ordered by how often each way was right on the seed article and the
# fixtures in tests/events/fixtures_de.yaml; not fitted probabilities).
CONF_VERB = 0.8
CONF_NOUN = 0.65
CONF_FALLBACK = 0.85  # factor when an actor came from word order rather than the parse

# Quotation marks are no boundary: partial quotes sit inside clauses ("ein „langes“ Telefonat").
_BOUNDARY = {",", ";", ":", "–", "—", "(", ")", ".", "!", "?"}
_PREP_NORMAL = {
    "am": "an",
    "im": "in",
    "zum": "zu",
    "zur": "zu",
    "beim": "bei",
    "vom": "von",
    "ins": "in",
    "ans": "an",
    "aufs": "auf",
}
_PREPS = {
    "mit",
    "gegen",
    "an",
    "auf",
    "zu",
    "in",
    "nach",
    "für",
    "von",
    "durch",
    "bei",
    "aus",
    "laut",
    "vor",
    "über",
    "unter",
    "gegenüber",
    "seit",
    "um",
    "wegen",
    "trotz",
    "ohne",
    "zwischen",
    "neben",
}
_PLACE_PREPS = {"in", "nach", "aus", "bei"}
_SKIP_BEFORE = {"DET", "ADJ", "NUM", "ADV"}
_SUBJ = {"nsubj", "sb", "csubj"}
_PASS_SUBJ = {"nsubj:pass"}
_PLACE_LABELS = {"LOC", "GPE"}
#: Types whose repeated mentions in one article are one event whatever the trigger word.
RETOLD = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "SANCTION", "PROTEST"})
#: Types whose event stands without a linked actor ("Tausende protestierten", "Die Polizei nahm ... fest").
ACTORLESS = frozenset({"PROTEST", "COERCE"})
_PARTICIPATION = {"bei", "beim", "auf", "am", "während"}  # raw words: "an das Gespräch" is no participation


@dataclass(frozen=True)
class Arg:
    """A linked mention as an event argument: token range, actor id, preposition before it."""

    start: int
    end: int
    actor_id: str | None
    label: str
    prep: str | None
    link: str | None = None
    confidence: float = 1.0
    members: tuple[str, ...] = ()

    def tokens(self) -> range:
        return range(self.start, self.end)


@dataclass(frozen=True)
class Found:
    """One event found in a doc (token offsets; ``component.py`` makes the record)."""

    type: str
    mode: str
    trigger: tuple[int, int]
    plover_mode: str | None = None
    source: Arg | None = None
    target: Arg | None = None
    place: Arg | None = None
    place_id: str | None = None
    timex: tuple[int, int] | None = None
    date: str | None = None
    attributed_to: str | None = None
    confidence: float = 0.5
    lemma: str = ""

    def key(self, symmetric: bool) -> tuple[str, str, str | None, str | None]:
        src = self.source.actor_id if self.source else None
        tgt = self.target.actor_id if self.target else None
        if symmetric and src and tgt and tgt < src:
            src, tgt = tgt, src
        return (self.type, self.mode, src, tgt)


# ---------------------------------------------------------------------------------------------
# Doc helpers


def _subheading_tokens(doc: Doc) -> set[int]:
    ranges = doc.user_data.get("subheadings") or []
    out: set[int] = set()
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _clauses(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between punctuation marks and line breaks (never crossing a sentence)."""
    out: list[tuple[int, int]] = []
    sent_starts = (
        {s.start for s in doc.sents} if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else {0}
    )
    start = 0
    for tok in doc:
        boundary = tok.text in _BOUNDARY or (tok.is_space and "\n" in tok.text)
        if tok.i in sent_starts and tok.i > start:
            out.append((start, tok.i))
            start = tok.i
        if boundary:
            if tok.i > start:
                out.append((start, tok.i))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def _sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        sent = doc[i].sent
        return sent.start, sent.end
    return 0, len(doc)


def _prep_before(doc: Doc, start: int, floor: int) -> str | None:
    """The preposition governing a noun phrase starting at ``start`` ("mit dem ukrainischen ...")."""
    i = start - 1
    steps = 0
    seen_det = False
    while i >= floor and steps < 5:
        tok = doc[i]
        low = tok.text.lower()
        if low in _PREP_NORMAL:
            return _PREP_NORMAL[low]
        if low in _PREPS or tok.pos_ == "ADP":
            return low
        seen_det = seen_det or tok.pos_ == "DET"
        if (
            # a role noun in apposition before the name ("mit russischem Präsidenten Wladimir Putin"),
            # not a noun before a genitive article ("gegen eine Zusammenarbeit der Union")
            (tok.pos_ == "NOUN" and not seen_det and steps == 0)
            or tok.pos_ in _SKIP_BEFORE
            or tok.dep_ in {"det", "amod", "det:poss", "nummod"}
            or low in {"seinem", "seinen", "seiner", "ihrem", "ihren", "ihrer"}
        ):
            i -= 1
            steps += 1
            continue
        return None
    return None


def _raw_prep_before(doc: Doc, start: int, floor: int) -> str | None:
    i = start - 1
    while i >= floor and start - i <= 4:
        tok = doc[i]
        if tok.text.lower() in _PREPS or tok.text.lower() in _PREP_NORMAL or tok.pos_ == "ADP":
            return tok.text.lower()
        if tok.pos_ in _SKIP_BEFORE or tok.dep_ in {"det", "amod", "det:poss", "nummod"}:
            i -= 1
            continue
        return None
    return None


def _args(doc: Doc, lexicon: EventLexicon, kb: Any, skip: set[int]) -> list[Arg]:
    """Linked mentions as arguments: the outermost linked span wins; demonyms only as adjectives."""
    spans = [s for s in doc.spans.get("mentions", ()) if s.start not in skip]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Arg] = []
    covered_until = -1
    for s in spans:
        actor_id = s._.actor_id if Span.has_extension("actor_id") else None
        members = tuple(s._.members) if Span.has_extension("members") and s._.members else ()
        if actor_id is None and not members:
            continue
        if s.start < covered_until:
            continue
        covered_until = s.end
        link = s._.link if Span.has_extension("link") else None
        conf = s._.confidence if Span.has_extension("confidence") and s._.confidence is not None else 0.8
        out.append(Arg(s.start, s.end, actor_id, s.label_, None, link, float(conf), members))
    # hyphenated compounds naming an actor: "NATO-Partner", "US-Truppen" (lexicon compound_actor_heads)
    taken = {i for a in out for i in a.tokens()}
    if kb is not None:
        for tok in doc:
            if tok.i in taken or tok.i in skip or "-" not in tok.text:
                continue
            head, _, tail = tok.text.partition("-")
            if tail.lower() not in lexicon.compound_actor_heads or not head.isupper():
                continue
            cands = kb.lookup(head, fuzzy=False)
            if not cands:
                continue
            actor_id = cands[0].actor_id
            if tail.lower() in {"truppen", "soldaten", "regierung", "armee", "streitkräfte", "einsatz"}:
                actor_id = (
                    kb.government_of(actor_id) or actor_id
                    if len(actor_id) == 3 and actor_id.isupper()
                    else actor_id
                )
            forces = tail.lower() in {"truppen", "soldaten", "armee", "streitkräfte", "einsatz"}
            out.append(Arg(tok.i, tok.i + 1, actor_id, "ORG", None, "forces" if forces else "compound", 0.7))
    out.sort(key=lambda a: a.start)
    return out


_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}


def _with_prep(doc: Doc, arg: Arg, floor: int) -> Arg:
    prep = _prep_before(doc, arg.start, floor)
    if prep is None:
        prep = _inside_pp(doc, arg.start, floor)
    return replace(arg, prep=prep)


def _inside_pp(doc: Doc, start: int, floor: int) -> str | None:
    """A genitive attribute inside a prepositional phrase ("gegen eine Zusammenarbeit der Union"):
    the mention is neither a bare subject/object nor the PP's own noun; marked ``~gegen``."""
    i = start - 1
    seen_noun = False
    while i >= floor:
        tok = doc[i]
        if tok.pos_ == "ADP" or tok.text.lower() in _PREPS or tok.text.lower() in _PREP_NORMAL:
            return "~" + _PREP_NORMAL.get(tok.text.lower(), tok.text.lower()) if seen_noun else None
        if tok.pos_ not in _NP_POS or (tok.pos_ == "PRON" and tok.text.lower() not in {"ihrer", "seiner"}):
            return None
        seen_noun = seen_noun or tok.pos_ in {"NOUN", "PROPN"}
        i -= 1
    return None


def _is_demonym(arg: Arg) -> bool:
    return arg.link == "demonym"


def _modifies_other(doc: Doc, arg: Arg, args: Sequence[Arg]) -> bool:
    """A nationality adjective of another actor's noun phrase ("russischem Präsidenten Wladimir
    Putin"): it is no argument of its own there."""
    if not _is_demonym(arg):
        return False
    for other in args:
        if other is arg or _is_demonym(other) or not (arg.end <= other.start <= arg.end + 2):
            continue
        if all(
            doc[i].pos_ in {"NOUN", "ADJ", "PROPN"} or doc[i].text[:1].isupper()
            for i in range(arg.end, other.start)
        ):
            return True
    return False


def _find_mention(args: Sequence[Arg], token: Token) -> Arg | None:
    """The argument containing ``token``, else the first one inside its subtree (same clause)."""
    for a in args:
        if a.start <= token.i < a.end:
            return a
    left, right = token.left_edge.i, token.right_edge.i
    for a in args:
        if left <= a.start and a.end - 1 <= right and not _is_demonym(a) and a.prep is None:
            return a
    return None


# ---------------------------------------------------------------------------------------------
# Triggers


def _verb_trigger(doc: Doc, tok: Token, lexicon: EventLexicon, clause: tuple[int, int]) -> VerbEntry | None:
    low = tok.text.lower()
    if tok.pos_ in {"NOUN", "PROPN", "DET", "ADP", "PUNCT"} and tok.text[:1].isupper() and tok.i > clause[0]:
        return None
    lemma = tok.lemma_.lower() if tok.lemma_ and tok.pos_ in {"VERB", "AUX"} else ""
    if low not in lexicon.by_joined and low not in lexicon.by_form and lemma not in lexicon.by_lemma:
        return None  # the common case, decided without looking at the clause
    words = {doc[i].text.lower() for i in range(clause[0], clause[1])}
    for entry in lexicon.by_joined.get(low, ()):
        if entry.particle and low in entry.forms:
            continue  # a bare base form of a particle verb needs its particle (below)
        if _entry_fits(entry, words):
            return entry
    # separated particle: "lädt ... ein", "schloss ... aus", "rief ... an" (particle later in the clause)
    for entry in lexicon.by_form.get(low, ()):
        particle = entry.particle or ""
        later = [doc[i] for i in range(tok.i + 1, clause[1]) if doc[i].text.lower() == particle]
        separated = any(t.dep_ == "compound:prt" or t.i == clause[1] - 1 or t.head.i == tok.i for t in later)
        if separated and _entry_fits(entry, words):
            return entry
    for entry in lexicon.by_lemma.get(lemma, ()):
        if not entry.particle and _entry_fits(entry, words):
            return entry
    return None


def _entry_fits(entry: VerbEntry, words: set[str]) -> bool:
    if entry.requires and not any(
        p in words or any(w == k and v == p for w in words for k, v in _PREP_NORMAL.items())
        for p in entry.requires
    ):
        return False
    return not (entry.reflexive and not words & {"sich", "uns", "mich", "euch"})


def _noun_trigger(tok: Token, lexicon: EventLexicon) -> NounEntry | None:
    if not tok.text[:1].isupper() or tok.pos_ in {"VERB", "AUX", "ADJ", "ADV", "DET", "ADP"}:
        return None
    return lexicon.noun(tok.text)


# ---------------------------------------------------------------------------------------------
# Arguments


def _verb_args(
    doc: Doc, tok: Token, entry: VerbEntry, args: list[Arg]
) -> tuple[Arg | None, Arg | None, bool]:
    """Source and target of a verb trigger; the flag says word order decided."""
    args = [a for a in args if not _modifies_other(doc, a, args)]
    passive = any(c.dep_ == "aux:pass" for c in tok.children) or (
        any(a.prep in {"von", "durch"} for a in args)
        and tok.tag_ == "VVPP"
        and any(
            doc[i].lemma_ == "werden"
            or doc[i].text.lower() in {"wurde", "wurden", "worden", "werden", "wird"}
            for i in range(max(0, tok.i - 8), tok.i)
        )
    )
    source: Arg | None = None
    target: Arg | None = None
    fallback = False
    # 1. parse: subject of the verb, or of the verb it is coordinated with / depends on
    holders = [tok]
    if tok.dep_ in {"conj", "xcomp"} and tok.head.i != tok.i:
        holders.append(tok.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ in _SUBJ and not passive:
                cases = child.morph.get("Case", [])
                if cases and "Nom" not in cases:
                    continue  # "Japan unterstützt die Philippinen(Acc)": not the subject
                source = source or _find_mention(args, child)
            elif child.dep_ in _PASS_SUBJ or (passive and child.dep_ in _SUBJ):
                target = target or _find_mention(args, child)
        if source is not None:
            break
    if source is not None and source.prep is not None:
        source = None
    first = next((a for a in args if a.prep is None and not _is_demonym(a)), None)
    if (
        not passive
        and first is not None
        and source is not None
        and first is not source
        and first.end <= tok.i
    ):
        # V2 news German: a bare actor before the finite verb is the subject ("Deutschland sagte der
        # Ukraine ... zu"), whatever the parser says about the dative after it
        finite = _finite_verb(doc, tok)
        if first.end <= finite.i < source.start:
            source = first
    if passive:
        agent = next((a for a in args if a.prep in {"von", "durch"}), None)
        # "Es werden keine US-Truppen ... geschickt": without an agent, the owner of the forces acts
        agent = agent or next((a for a in args if a.link == "forces" and a.prep is None), None)
        source = agent or source
        if target is not None and source is not None and target.start == source.start:
            target = None
    bare = [a for a in args if a.prep is None and not _is_demonym(a)]
    # 2. word order: the first bare noun phrase is the subject ("Im Anschluss rief Trump Selenskyj an")
    if source is None and not passive and bare:
        source = bare[0]
        fallback = True
    # target by preposition first, then the object
    for role in entry.target:
        if target is not None:
            break
        if role == "obj":
            for a in bare:
                if a is not source and (source is None or a.actor_id != source.actor_id or a.members):
                    target = a
                    break
        else:
            target = next((a for a in args if a.prep == role and a is not source), None)
    if target is None and "obj" in entry.target:
        # "sanktionieren mehrere chinesische Unternehmen": the nationality of the object
        target = next(
            (
                a
                for a in args
                if _is_demonym(a)
                and a.start > tok.i
                and a.prep is None
                and (source is None or a.actor_id != source.actor_id)
            ),
            None,
        )
    if target is None and "obj" in entry.target:
        for child in tok.children:
            if child.dep_ in {"obj", "iobj", "da", "oa"}:
                cand = _find_mention(args, child)
                if cand is not None and cand is not source:
                    target = cand
    if target is None and entry.symmetric and source is not None:
        # "Putin und Trump haben ... verabredet": the coordinated subject is the other party
        target = next(
            (
                a
                for a in args
                if a.start > source.end
                and a.start - source.end <= 2
                and a.prep is None
                and any(doc[i].text.lower() in {"und", "sowie"} for i in range(source.end, a.start))
            ),
            None,
        )
    if (
        source is not None
        and source.members
        and target is None
        and entry.symmetric
        and len(source.members) >= 2
    ):
        m = source.members
        source = replace(source, actor_id=m[0], members=())
        target = replace(source, actor_id=m[1], members=())
    return source, target, fallback


def _finite_verb(doc: Doc, tok: Token) -> Token:
    """The finite verb of the trigger's clause: an auxiliary child/sibling, else the trigger."""
    for child in tok.children:
        if child.dep_ in {"aux", "aux:pass"} and child.i < tok.i:
            return child
    return tok


def _noun_args(
    doc: Doc, tok: Token, entry: NounEntry, args: list[Arg], clause: tuple[int, int]
) -> tuple[Arg | None, Arg | None, bool]:
    """Source and target of an event noun from its phrase ("Treffen von X und Y", "russische Invasion")."""
    args = [a for a in args if not _modifies_other(doc, a, args)]
    source: Arg | None = None
    target: Arg | None = None
    after = [a for a in args if a.start > tok.i]
    before = [a for a in args if a.end <= tok.i]
    # "von X (und Y)" after the noun
    von = next((a for a in after if a.prep == "von" and a.start - tok.i <= 3), None)
    if von is not None:
        source = von
        nxt = next(
            (
                a
                for a in after
                if a.start > von.end
                and a.start - von.end <= 2
                and any(doc[i].text.lower() in {"und", "sowie"} for i in range(von.end, a.start))
            ),
            None,
        )
        if nxt is not None:
            target = nxt
    # "das von ihm angekündigte Treffen": a von-agent shortly before the noun
    if source is None:
        source = next((a for a in reversed(before) if a.prep == "von" and tok.i - a.end <= 3), None)
    # demonym adjective or prenominal genitive right before the noun
    # ("russische Invasion", "Russlands Angriffskrieg")
    if source is None and before:
        last = before[-1]
        gap = [doc[i] for i in range(last.end, tok.i)]
        if (
            all(t.pos_ in {"ADJ", "DET"} or t.text.islower() for t in gap)
            and len(gap) <= 2
            and (
                _is_demonym(last)
                or (last.prep is None and doc[last.end - 1].text.endswith("s"))
                or (last.prep == "von" and not gap)
            )
        ):
            source = last
    # prefix of a hyphenated compound ("EU-Sanktionen")
    if source is None and entry.prefix and "-" in tok.text:
        pass  # resolved in _args via compound heads when the KB knows the prefix
    # genitive after the noun ("Invasion Russlands", "Treffen der Außenminister")
    if (
        source is None
        and after
        and after[0].prep is None
        and after[0].start - tok.i <= 2
        and not _is_demonym(after[0])
    ):
        source = after[0]
    for role in entry.target:
        if target is not None:
            break
        target = next((a for a in after if a.prep == role and a is not source and a.start - tok.i <= 6), None)
    return source, target, False


_CONTENT_TYPES = frozenset({"REJECT", "REQUEST", "ACCUSE", "THREATEN", "AGREE", "PROTEST"})


def _content_verb_in(doc: Doc, clause: tuple[int, int], noun: Token, lex: EventLexicon) -> bool:
    """Whether a verb trigger that takes an event as its content governs the clause of ``noun``."""
    for i in range(clause[0], clause[1]):
        if i == noun.i:
            continue
        entry = _verb_trigger(doc, doc[i], lex, clause)
        if entry is not None and (entry.type in _CONTENT_TYPES or entry.negated):
            return True
    return False


def _governing_subject(doc: Doc, tok: Token, args: list[Arg], clause: tuple[int, int]) -> Arg | None:
    """Subject of the verb the noun phrase depends on, else the first bare mention of the clause."""
    head = tok
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    for child in head.children:
        if child.dep_ in _SUBJ:
            found = _find_mention(args, child)
            if found is not None and found.prep is None:
                return found
    return next((a for a in args if a.prep is None and not _is_demonym(a) and a.end <= tok.i), None)


# ---------------------------------------------------------------------------------------------
# Mode, place, time, attribution


def _words(doc: Doc, start: int, end: int) -> list[str]:
    return [doc[i].text.lower() for i in range(start, end)]


def _negated(doc: Doc, tok: Token, clause: tuple[int, int], lexicon: EventLexicon) -> bool:
    for i in range(clause[0], clause[1]):
        low = doc[i].text.lower()
        if low in lexicon.negation:
            return True
    return False


def _timexes(doc: Doc) -> list[tuple[int, int, Any]]:
    out: list[tuple[int, int, Any]] = []
    if not Span.has_extension("timex"):
        return out
    for span in doc.spans.get("timexes", ()):
        timex = span._.timex
        if timex is not None:
            out.append((span.start, span.end, timex))
    return out


def _published_year(doc: Doc) -> int | None:
    published = doc.user_data.get("published")
    value = getattr(published, "value", published)
    if isinstance(value, str) and value[:4].isdigit():
        return int(value[:4])
    return None


def _year_of(value: str) -> int | None:
    return int(value[:4]) if len(value) >= 4 and value[:4].isdigit() else None


def _mode(
    doc: Doc,
    tok: Token,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    lexicon: EventLexicon,
    timex: Any,
    is_noun: bool,
) -> str:
    words = _words(doc, *clause)
    sent_words = _words(doc, *sentence)
    if any(w in lexicon.hypothetical for w in words) or (
        sent_words and sent_words[0] in {"falls", "wenn", "sofern"}
    ):
        return "hypothetical"
    future = any(w in lexicon.future for w in words)
    if is_noun and any(
        doc[i].text.lower() in lexicon.future_attributive for i in range(max(clause[0], tok.i - 3), tok.i)
    ):
        future = True  # "das angekündigte Treffen", "ein baldiges Treffen"
    if not future:
        # "wird ... treffen" (future auxiliary), not "wurde/wird ... geschickt" (passive)
        for i in range(clause[0], clause[1]):
            t = doc[i]
            if (
                t.text.lower() in lexicon.future_aux
                and t.dep_ != "aux:pass"
                and tok.tag_ != "VVPP"
                and not tok.text.lower().startswith("ge")
            ):
                future = True
    if (
        not future
        and is_noun
        and any(w in lexicon.scheduled for w in words)
        and not any(doc[i].text.lower() in {"fand", "fanden", "stattgefunden"} for i in range(*clause))
    ):
        future = True
    year = _published_year(doc)
    if timex is not None:
        value = str(timex.value)
        if value == "FUTURE_REF":
            future = True
        t_year = _year_of(value)
        if t_year is not None and year is not None:
            if t_year > year:
                future = True
            elif (
                t_year < year
                and not future
                and timex.type == "DATE"
                and (timex.modifier or "") not in {"AFTER", "ON_OR_AFTER"}
            ):
                return "historical"
    if future:
        return "future"
    if any(w in lexicon.historical for w in words):
        return "historical"
    return "actual"


def _timex_for(
    doc: Doc,
    tok: Token,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    timexes: list[tuple[int, int, Any]],
) -> tuple[int, int, Any] | None:
    """The time expression of the clause (else of the sentence) nearest the trigger; durations skipped."""

    def usable(t: Any) -> bool:
        return t.type in {"DATE", "TIME"} and t.value not in {"PRESENT_REF", "PAST_REF"}

    for lo, hi in (clause, sentence):
        inside = [x for x in timexes if lo <= x[0] < hi and usable(x[2])]
        if inside:
            return min(inside, key=lambda x: abs(x[0] - tok.i))
    return None


def _place_for(
    doc: Doc,
    tok: Token,
    args: list[Arg],
    clause: tuple[int, int],
    lexicon: EventLexicon,
    used: set[str | None],
) -> tuple[Arg | None, str | None]:
    """A place of the clause: "in Kiew", "bei einem Gipfel in Washington", a venue ("am Rande der MSC")."""
    for a in args:
        if a.actor_id in lexicon.venues:
            return a, lexicon.venues[a.actor_id][0]
    for a in args:
        if a.prep == "in" and a.label in _PLACE_LABELS and a.actor_id not in used:
            return a, a.actor_id
    return None, None


def _attribution(doc: Doc, start_char: int) -> tuple[str | None, Span | None]:
    if not Span.has_extension("quote"):
        return None, None
    best: Span | None = None
    for key in ("quotes", "reported"):
        for span in doc.spans.get(key, ()) if key in doc.spans else ():
            if span.start_char <= start_char < span.end_char and (best is None or len(span) < len(best)):
                best = span
    if best is None or best._.quote is None:
        return None, best
    return best._.quote.speaker_actor_id, best


# ---------------------------------------------------------------------------------------------
# The function


def find_events(doc: Doc, lexicon: EventLexicon | None = None, kb: Any = None) -> list[Found]:
    """Every event the lexicon's triggers and the linker's mentions support in ``doc``, in text order."""
    lex = lexicon or load_lexicon()
    skip = _subheading_tokens(doc)
    all_args = _args(doc, lex, kb, skip)
    timexes = [t for t in _timexes(doc) if t[0] not in skip]
    found: list[Found] = []
    consults: list[Found] = []
    for clause in _clauses(doc):
        if clause[0] in skip:
            continue
        c_args = [
            _with_prep(doc, a, clause[0]) for a in all_args if clause[0] <= a.start and a.end <= clause[1]
        ]
        for i in range(clause[0], clause[1]):
            if i in skip:
                continue
            tok = doc[i]
            item = _event_at(doc, tok, clause, c_args, lex, timexes, all_args, kb)
            if item is None:
                continue
            if item.type == "CONSULT" and item.source and item.target:
                consults.append(item)
            found.append(item)
    found.extend(_modal_requests(doc, lex, all_args, skip))
    found = [_partner_of_call(doc, f, consults, kb) for f in found]
    found.sort(key=lambda f: f.trigger)
    return _dedup(found, lex)


def _event_at(
    doc: Doc,
    tok: Token,
    clause: tuple[int, int],
    c_args: list[Arg],
    lex: EventLexicon,
    timexes: list[tuple[int, int, Any]],
    all_args: list[Arg],
    kb: Any = None,
) -> Found | None:
    verb = _verb_trigger(doc, tok, lex, clause)
    noun = None if verb is not None else _noun_trigger(tok, lex)
    if verb is None and noun is None:
        return None
    sentence = _sentence_of(doc, tok.i)
    c_args = [a for a in c_args if not (a.start <= tok.i < a.end)]
    negated = _negated(doc, tok, clause, lex)
    if verb is not None:
        if verb.only_negated and not negated:
            return None
        args = c_args
        if verb.only_negated:
            # "glauben nicht, dass <X> ...": the target is in the complement clause
            args = c_args + [
                _with_prep(doc, a, tok.i) for a in all_args if clause[1] <= a.start < sentence[1]
            ]
        controller: Arg | None = None
        zu_inf = (
            tok.text.lower().startswith((verb.particle or "") + "zu") and verb.particle is not None
        ) or (tok.i > 0 and doc[tok.i - 1].text.lower() == "zu")
        if zu_inf:
            # "Putin habe seine Bereitschaft erklärt, Repräsentanten ... zu empfangen": the controller
            # (subject of the clause before) is the source, cues of that clause count too
            prev = _previous_clause(doc, clause, sentence)
            if prev is not None:
                if _content_verb_in(doc, prev, tok, lex):
                    return None  # "forderte China auf, Russland nicht ... zu unterstützen": the content
                controller = next(
                    (_with_prep(doc, a, prev[0]) for a in all_args if prev[0] <= a.start < prev[1]), None
                )
                negated = negated or _negated(doc, tok, prev, lex)
                clause = (prev[0], clause[1])
        source, target, fallback = _verb_args(doc, tok, verb, args)
        if zu_inf and controller is not None and controller.prep is None:
            # a zu-infinitive has no subject of its own: the controller acts, the clause's actor is the object
            if target is not None and target.start == controller.start:
                target = None
            if target is None and source is not None and source.start != controller.start:
                target = source
            source, fallback = controller, False
        if source is None and tok.dep_ == "conj" and tok.head.i < clause[0]:
            # "China hat Taiwan nicht angegriffen, warnt aber ...": the subject of the first conjunct
            for child in tok.head.children:
                if child.dep_ in _SUBJ:
                    source = _find_mention([a for a in all_args if a.end <= clause[0]], child)
                    break
        kind, pmode, symmetric, conf = verb.type, verb.mode, verb.symmetric, CONF_VERB
        lemma = verb.lemma
        actorless = verb.type in ACTORLESS
        if verb.territory and target is not None and source is not None:
            source, target = _territory(doc, source, target, args)
    else:
        assert noun is not None
        source, target, fallback = _noun_args(doc, tok, noun, c_args, clause)
        prep = _prep_before(doc, tok.i, clause[0])
        raw = _raw_prep_before(doc, tok.i, clause[0])
        internal = source is not None
        if source is None and ((raw in _PARTICIPATION and noun.type == "CONSULT") or prep is None):
            # "präsentierte ... bei einem Treffen", "er habe ein Telefonat mit Putin gehabt"
            source = _governing_subject(doc, tok, [a for a in c_args if a is not target], clause)
        if target is None and prep == "gegen" and noun.type == "ASSAULT":
            target = _governing_subject(doc, tok, c_args, clause)  # "verteidigt sich gegen die Invasion"
        if source is None and target is None:
            return None  # "dieses Treffens", "das Telefonat": a reference to an event, not a new one
        actorless = False
        kind, pmode, symmetric, conf = noun.type, noun.mode, noun.symmetric, CONF_NOUN
        lemma = noun.lemma
        if not internal and _content_verb_in(doc, clause, tok, lex):
            return None  # "Ungarn lehnt neue Sanktionen gegen Russland ab": the content of a REJECT
    if source is None and target is None and not actorless:
        return None
    if source is not None and source.members and target is None and symmetric and len(source.members) >= 2:
        m = source.members  # "Die beiden verständigten sich": the two persons of the group mention
        source, target = (
            replace(source, actor_id=m[0], members=()),
            replace(source, actor_id=m[1], members=()),
        )
    if source is not None and source.actor_id is None:
        source = None
    if target is not None and target.actor_id is None:
        target = None
    if source is None and target is None and not actorless:
        return None
    source, target = _capital_as_government(source, kb), _capital_as_government(target, kb)
    target = _city_as_country(target, kb)
    if (
        source is not None
        and target is not None
        and source.actor_id == target.actor_id
        and not source.members
    ):
        target = None
    timex = _timex_for(doc, tok, clause, sentence, timexes)
    mode = _mode(doc, tok, clause, sentence, lex, timex[2] if timex else None, noun is not None)
    attributed, _quote_span = _attribution(doc, tok.idx)
    if negated and not (verb is not None and verb.only_negated):
        if verb is not None and verb.negated:
            kind = verb.negated  # "Es werden keine US-Truppen ... geschickt": a refusal
            pmode = None
            mode = "hypothetical" if mode == "hypothetical" else "actual"
            if source is None and attributed:
                source = Arg(tok.i, tok.i, attributed, "PER", None, "speaker", 0.8)
        else:
            mode = "negated"
    used = {a.actor_id for a in (source, target) if a is not None}
    place, place_id = _place_for(doc, tok, c_args, clause, lex, used)
    if place is not None and target is not None and place.start == target.start:
        place, place_id = None, None
    confidence = conf * (CONF_FALLBACK if fallback else 1.0)
    for a in (source, target):
        if a is not None:
            confidence *= min(1.0, 0.5 + a.confidence / 2)
    date = str(timex[2].value) if timex is not None else None
    return Found(
        type=kind,
        mode=mode,
        trigger=(tok.i, tok.i + 1),
        plover_mode=pmode,
        source=source,
        target=target,
        place=place,
        place_id=place_id,
        timex=(timex[0], timex[1]) if timex else None,
        date=date,
        attributed_to=attributed,
        confidence=round(confidence, 3),
        lemma=lemma,
    )


def _previous_clause(doc: Doc, clause: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The clause before a comma (a comma never ends a sentence, whatever the sentence splitter did)."""
    i = clause[0] - 2
    if i < 0 or doc[clause[0] - 1].text != ",":
        return None
    floor = 0 if i < sentence[0] else sentence[0]
    end = i + 1
    while (
        i > floor
        and doc[i - 1].text not in _BOUNDARY
        and not (doc[i - 1].is_space and "\n" in doc[i - 1].text)
    ):
        i -= 1
    return (i, end)


def _city_as_country(arg: Arg | None, kb: Any) -> Arg | None:
    """A city reached by a preposition as the target ("Besuch in Warschau") stands for its country."""
    if arg is None or kb is None or arg.prep not in {"in", "nach"} or not str(arg.actor_id).startswith("gn:"):
        return arg
    place = kb.place_by_id(arg.actor_id)
    if place is not None and place.country:
        return replace(arg, actor_id=place.country)
    return arg


def _capital_as_government(arg: Arg | None, kb: Any) -> Arg | None:
    """A capital as a bare actor stands for its government ("Moskau wirft Kiew ... vor")."""
    if arg is None or kb is None or arg.prep is not None or not str(arg.actor_id).startswith("gn:"):
        return arg
    place = kb.place_by_id(arg.actor_id)
    country = kb.place_by_id(place.country) if place is not None and place.country else None
    if country is not None and country.capital == arg.actor_id:
        gov = kb.government_of(country.code or place.country)
        if gov:
            return replace(arg, actor_id=gov, link="metonym")
    return arg


def _territory(doc: Doc, source: Arg, target: Arg, args: list[Arg]) -> tuple[Arg, Arg]:
    """Annexation: the agent is a state, the object a territory whose owner is the target.

    "Die ukrainische Halbinsel Krim hatte Russland 2014 annektiert": the parser often takes the
    fronted object for the subject; a state outranks a region as the agent.
    """

    def is_region(a: Arg) -> bool:
        return bool(a.actor_id) and ":" in str(a.actor_id)

    if is_region(source) and not is_region(target):
        source, target = target, source
    if is_region(target):
        owner = next(
            (a for a in args if _is_demonym(a) and a.end <= target.end and a.start >= target.start - 3), None
        )
        if owner is not None:
            target = owner
    return source, target


def _modal_requests(doc: Doc, lex: EventLexicon, args: list[Arg], skip: set[int]) -> list[Found]:
    """ "Die NATO-Partner müssten mehr investieren" in Hegseth's words: REQUEST Hegseth -> NATO."""
    out: list[Found] = []
    for tok in doc:
        if tok.i in skip or tok.text.lower() not in lex.request_modals:
            continue
        speaker, span = _attribution(doc, tok.idx)
        if not speaker or span is None:
            continue
        subject = next((a for a in args if span.start <= a.start < tok.i and tok.i - a.end <= 2), None)
        if subject is None:
            subject = next((a for a in args if tok.i < a.start <= tok.i + 2), None)
        if subject is None or subject.actor_id == speaker:
            continue
        src = Arg(span.start, span.start, speaker, "PER", None, "speaker", 0.8)
        out.append(
            Found(
                "REQUEST",
                "actual",
                (tok.i, tok.i + 1),
                None,
                src,
                subject,
                attributed_to=speaker,
                confidence=round(CONF_NOUN * 0.9, 3),
                lemma="müssen",
            )
        )
    return out


def _partner_of_call(doc: Doc, item: Found, consults: list[Found], kb: Any) -> Found:
    """ "Er verwies in dem Telefonat darauf, dass Russland auf ... bestehe": the addressee is the other
    party of the call the sentence refers to (the last CONSULT with the source's side)."""
    if item.target is not None or item.source is None or item.type == "CONSULT":
        return item
    lo, hi = _sentence_of(doc, item.trigger[0])
    words = _words(doc, lo, hi)
    refs = {"telefonat": "phone", "telefongespräch": "phone", "gespräch": None, "treffen": None}
    named = [
        w for j, w in enumerate(words) if w in refs and j > 0 and words[j - 1] in {"dem", "diesem", "im"}
    ]
    if not named:
        return item
    phone = refs[named[0]] == "phone"  # "in dem Telefonat": only a phone call that took place
    side = _side(item.source.actor_id, kb)
    earlier = [
        c
        for c in consults
        if c.trigger[0] < item.trigger[0] and c.mode == "actual" and (not phone or c.plover_mode == "phone")
    ]
    for c in reversed(earlier):
        assert c.source is not None and c.target is not None
        if _side(c.source.actor_id, kb) == side:
            return replace(item, target=c.target)
        if _side(c.target.actor_id, kb) == side:
            return replace(item, target=c.source)
    return item


def _side(actor_id: str | None, kb: Any) -> str | None:
    """The country an actor belongs to (persons and governments by the KB), for matching sides."""
    if actor_id is None:
        return None
    if kb is not None:
        try:
            actor = kb.actor(actor_id)
            return actor.country or actor_id
        except Exception:  # unknown / local: ids
            return actor_id
    return actor_id


def _dedup(found: Iterable[Found], lex: EventLexicon) -> list[Found]:
    """One event per (type, mode, source, target) in an article: repetitions ("er habe ein Telefonat mit
    Putin gehabt") add no event; a later mention fills a missing place or time.

    Meetings, agreements and attacks are retold in news with other words ("telefoniert" - "das
    Telefonat"), so any trigger merges; statements (REJECT, REQUEST, ...) with different trigger
    words are different statements ("glauben nicht" vs "schicken keine Truppen") and stay apart."""
    symmetric = {e.type for e in lex.verbs if e.symmetric} | {n.type for n in lex.nouns if n.symmetric}
    out: dict[tuple[str, ...], Found] = {}
    for f in found:
        key: tuple[str, ...] = tuple(str(k) for k in f.key(f.type in symmetric))
        if f.type not in RETOLD:
            key = (*key, f.lemma)
        if key not in out:
            out[key] = f
            continue
        first = out[key]
        changes: dict[str, Any] = {}
        if first.place is None and f.place is not None:
            changes.update(place=f.place, place_id=f.place_id)
        if first.timex is None and f.timex is not None:
            changes.update(timex=f.timex, date=f.date)
        if first.plover_mode is None and f.plover_mode is not None:
            changes.update(plover_mode=f.plover_mode)
        if changes:
            out[key] = replace(first, **changes)
    return sorted(out.values(), key=lambda f: f.trigger)
