"""Who said what: direct, partial and reported quotes of a German ``Doc``, by rules (docs/quotes.md).

:func:`find_quotes` is a pure function over a ``Doc``: it reads the tokens (text, and when present
tag/POS, morphology, lemma, dependency parse), ``doc.spans["mentions"]`` of the entity linker (else
``doc.ents``) and ``doc.user_data["subheadings"]``; it returns :class:`Found` items and changes
nothing. The component (:mod:`lagebild.quotes.component`) stores them on the doc.

The steps, per sentence in reading order:

1. quotation marks are paired (:mod:`lagebild.quotes.marks`); a quotation is one unit of the
   sentence split (its inner full stops do not end the sentence), so "„…“, sagte X." is one sentence;
2. cues: speech verbs of the lexicon (separable ones only with their particle, which may follow
   later in the clause: "fügte … an"), attribution prepositions (laut, zufolge, nach Angaben),
   adverbs (demnach), the reportative modal "soll";
3. reported speech: cue + dass/ob clause or a V2 clause in Konjunktiv, a clause before a trailing
   cue ("…, fügte er an."), the clause of an attribution phrase, "Das/Dies teilte X mit", "So soll …",
   and continuation sentences in Konjunktiv, which keep the speaker of the sentence before;
4. direct and partial quotes: the cue after the closer ("…“, sagte X"), before the opener
   ("X sagte: „…“"), elsewhere in the sentence (partial quotes), else the speaker of the sentence
   before or the "Das sagte X" sentence after; a quotation inside a subheading that repeats a body
   quote is skipped;
5. the speaker of a cue: the mention ending right before the cue at the clause start ("Hegseth
   sagte"), the one right after it ("sagte Hegseth", "fügte er an"), the parser's subject, the first
   actor mention of a verb-final clause; a pronoun speaker is checked against the subject of the
   sentence before; addressee ("gegenüber X", "zu X") and medium ("auf Truth Social", "vor
   Journalisten") come from the cue's clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from lagebild.quotes.lexicon import CueLexicon, VerbEntry, load_cues
from lagebild.quotes.marks import MARKS, QuoteMarks, find_quote_marks

__all__ = ["COMPONENT", "Found", "find_quotes"]

COMPONENT = "lagebild.quotes.v1"

# Confidences of the speaker rules (hand-set, checked on the seed and wikinews-quotation-2024 train:
# they rank attributions, 0.5 and below means "we are not sure who said this").
CONF_ADJACENT = 0.9  # "Hegseth sagte", "sagte Hegseth"
CONF_PARSE = 0.75  # subject by the dependency parse
CONF_CLAUSE = 0.6  # first actor mention of the cue's clause
CONF_CARRIED = 0.65  # speaker of the sentence before (quote/Konjunktiv continuation)
CONF_CARRIED_FAR = 0.45  # speaker of a sentence two or three back
CONF_NONE = 0.3  # no speaker found
# Reported items less sure than this are left out: chosen on held-back WikiNews train articles
# 500-699 (speaker-attributed F1 0.609 -> 0.622 there; docs/quotes.md, "Third round").
MIN_CONFIDENCE = 0.3
# Unattributed partial quotes of at most this many words are dropped as scare quotes or names
# (tuned on wikinews-quotation-2024 train: 2 keeps scare quotes, 6 drops real quotes).
UNATTRIBUTED_PARTIAL_MAX_WORDS = 4
# Least speaker confidence of a speech act without content clause (rule R7).
SPEECH_ACT_MIN_CONF = 0.44
# Sentences back within which a speaker carries over to a Konjunktiv I sentence or "demnach".
CARRY_SENTENCES = 3

_SENT_END = {".", "!", "?", "…"}
_CLAUSE_PUNCT = {",", ";", ":", "–", "—", "(", ")", "-"}
_COMPLEMENTIZERS = {"dass", "daß", "ob"}
_CONTEXT_ONLY = {"wie", "was", "warum", "weshalb", "wer", "wo", "wann"}
_SKIP_AFTER_CUE = {
    "sich",  # "äußerte sich Vatikansprecher Navarro-Valls"
    "dies",
    "das",
    "dazu",
    "auch",
    "jedoch",
    "aber",
    "zudem",
    "außerdem",
    "nun",
    "dann",
    "so",
}
# Addressees in the dative right after the cue ("sagte Reportern, dass …"): never the speaker.
_DATIVE_ADDRESSEES = {"reportern", "journalisten", "medienvertretern", "pressevertretern"}
_SKIP_AFTER_CUE |= _DATIVE_ADDRESSEES
_CLAUSE_LEAD = {"und", "auch", "doch", "aber", "denn", "so", "zudem", "außerdem", "jedoch"}
_DEMONSTRATIVES = {"das", "dies", "dieses"}
_POSSESSIVES = {"seinen", "ihren", "seiner", "ihrer", "eigenen", "dessen"}
# Words that are never a speaker (demonstratives and relatives the parser may call a subject).
_NOT_SPEAKERS = {"das", "dies", "dieses", "dem", "denen", "der", "die", "welche", "was", "es", "man", "wie"}
# Heads of "in/im X" phrases that are times, not texts: "In der Nacht hieß es".
_TIME_NOUNS = {
    "nacht",
    "nächten",
    "woche",
    "wochen",
    "vergangenheit",
    "zukunft",
    "zeit",
    "jahr",
    "jahren",
    "monat",
    "monaten",
    "tag",
    "tagen",
    "stunden",
    "morgen",
    "abend",
    "mittag",
    "nachmittag",
    "vormittag",
    "folge",
    "zwischenzeit",
    "regel",
    "zusammenhang",
    "anschluss",
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "frühjahr",
    "sommer",
    "herbst",
    "winter",
    "wochenende",
    "ende",
    "anfang",
    "mitte",
    "verlauf",
}
_PERSONAL = {"er", "sie", "es", "ich", "wir", "ihr"}
_NOM_PRONOUNS = {"er", "sie", "ich", "wir"}
_ACTOR_LABELS = {"PER", "ORG", "GPE", "LOC", "NORP"}
_SO = VerbEntry("so")
# Cues whose zu-infinitive complement is reported content ("kündigte an, zurückzutreten");
# checked on WikiNews train, where these are annotated as indirect speech.
_INFINITIVE_CUES = {
    "ankündigen",
    "zusagen",
    "zusichern",
    "angeben",
    "versprechen",
    "drohen",
    "auffordern",
    "aufrufen",
    "vorwerfen",
    "fordern",
    "verlangen",
    "bekanntgeben",
    "ablehnen",
    "bitten",
    "appellieren",
    "empfehlen",
    "vorschlagen",
    "beschließen",
    "mitteilen",
    "betonen",
    "bekräftigen",
    "beschuldigen",
    "anbieten",
    "überlegen",
}  # the attribution "…, so X" as a cue
_ABBREVIATIONS = {"dr", "prof", "nr", "st", "bzw", "ca", "vgl", "z", "b", "u", "a", "d", "h", "usw"}


@dataclass
class Found:
    """One quote as the rules found it (token indices into the doc; mutable while being built)."""

    kind: str  # direct | partial | reported
    start: int  # content, characters
    end: int
    cue: tuple[int, int] | None = None  # token range of the cue word(s), particle excluded
    particle: int | None = None  # token index of a separated verb particle ("fügte … an")
    cue_lemma: str | None = None
    speaker: tuple[int, int] | None = None
    actor_id: str | None = None
    addressee: tuple[int, int] | None = None
    medium: tuple[int, int] | None = None
    mood: str | None = None
    confidence: float = CONF_NONE
    rule: str = ""
    marks: QuoteMarks | None = field(default=None, repr=False)
    impersonal: bool = False  # "…, heißt es": no speaker is the rules' finding, not their failure

    def cue_text(self, doc: Doc) -> str | None:
        """The cue as read: verb and particle ("fügte an"), or the attribution phrase."""
        if self.cue is None:
            return None
        words = [doc[self.cue[0] : self.cue[1]].text]
        if self.particle is not None:
            words.append(doc[self.particle].text)
        return " ".join(words)


@dataclass
class _Cue:
    i: int  # the verb token
    entry: VerbEntry
    particle: int | None
    lemma: str
    lo: int  # its clause
    hi: int


@dataclass
class _Speaker:
    span: tuple[int, int] | None
    actor_id: str | None
    confidence: float


@dataclass
class _State:
    """The last attribution: who spoke in which sentence, with which cue."""

    speaker: _Speaker | None = None
    cue: tuple[int, int] | None = None
    particle: int | None = None
    cue_lemma: str | None = None
    sentence: int = -10


class _Context:
    def __init__(self, doc: Doc, lex: CueLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.text
        self.marks = [q for q in find_quote_marks(doc.text) if q.level == 1]
        self.mark_tokens: set[int] = set()
        self.inside = [False] * len(doc)  # token inside a double-level quotation
        self.quote_of: dict[int, QuoteMarks] = {}
        for q in self.marks:
            for pos in (q.open, q.close):
                if pos is not None:
                    tok = _token_at(doc, pos)
                    if tok is not None:
                        self.mark_tokens.add(tok)
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                if i not in self.mark_tokens:
                    self.inside[i] = True
                    self.quote_of[i] = q
        # Short quotations that are names or titles inside a clause („Golem“, „Bild“-Zeitung): the
        # clause and comma searches read through them.
        self.name_quote: set[int] = set()
        for q in self.marks:
            content = doc.text[q.start : q.end]
            if q.close is not None and len(content.split()) <= 4 and content.rstrip()[-1:] not in ".!?":
                span = doc.char_span(q.open, q.close + 1, alignment_mode="expand")
                if span is not None:
                    self.name_quote.update(range(span.start, span.end))
        self.mentions = _mentions(doc)
        self.headings = _headings(doc)
        self.sentences = _sentences(self)


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def _mentions(doc: Doc) -> list[Span]:
    if "mentions" in doc.spans:
        return list(doc.spans["mentions"])
    spans = [e for e in doc.ents if e.label_ in _ACTOR_LABELS or e.label_ == "MISC"]
    spans += [doc[t.i : t.i + 1] for t in doc if t.lower_ in _PERSONAL]
    return spans


def _headings(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of subheadings (``doc.user_data["subheadings"]``, else short unpunctuated lines)."""
    given = doc.user_data.get("subheadings")
    if given is not None:
        out = []
        for item in given:
            if isinstance(item, tuple | list):
                out.append((int(item[0]), int(item[1])))
            else:
                out.append((int(item.start), int(item.end)))
        return out
    out = []
    pos = 0
    for block in doc.text.split("\n"):
        stripped = block.strip()
        if stripped and len(stripped.split()) <= 12 and stripped[-1] not in '.!?:“"«»”)':
            start = pos + block.index(stripped)
            if pos > 0:  # the first line is a lead or title, not a subheading
                out.append((start, start + len(stripped)))
        pos += len(block) + 1
    return out


def _sentences(ctx: _Context) -> list[tuple[int, int]]:
    """Sentence token ranges; a quotation does not end a sentence inside itself, a line break does."""
    doc = ctx.doc
    out: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0

    def next_word(j: int) -> int:
        while j < n and doc[j].is_space:
            j += 1
        return j

    while i < n:
        tok = doc[i]
        boundary = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            boundary = True
        elif tok.text in _SENT_END and not ctx.inside[i]:
            j = i + 1
            while j < n and j in ctx.mark_tokens and _is_closer(ctx, j):
                j += 1
            k = next_word(j)
            prev = doc[i - 1].lower_ if i > 0 else ""
            if k >= n or (
                (doc[k].text[:1].isupper() or doc[k].text[:1] in MARKS or doc[k].is_digit)
                and prev.rstrip(".") not in _ABBREVIATIONS
            ):
                boundary = True
                i = j - 1
        elif tok.text in _SENT_END and ctx.inside[i]:
            # "… Ende.“ Neuer Satz": the sentence ends after the closer
            j = i + 1
            if j < n and j in ctx.mark_tokens and _is_closer(ctx, j):
                k = next_word(j + 1)
                if k >= n or doc[k].text[:1].isupper() or "\n" in doc[j].whitespace_:
                    boundary = True
                    i = j
        if boundary:
            if i + 1 > start:
                out.append((start, i + 1))
            start = i + 1
        i += 1
    if start < n:
        out.append((start, n))
    # drop whitespace-only sentences, trim whitespace tokens
    trimmed = []
    for a, b in out:
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


def _is_closer(ctx: _Context, i: int) -> bool:
    tok = ctx.doc[i]
    return any(q.close is not None and tok.idx <= q.close < tok.idx + len(tok) for q in ctx.marks)


# --- token tests -----------------------------------------------------------------------------------


def _is_verbish(tok: Token) -> bool:
    if tok.pos_ in ("NOUN", "PROPN", "DET", "PRON", "ADJ", "ADP", "NUM"):
        return False
    if tok.tag_ and tok.tag_[0] not in "V" and tok.tag_ not in ("", "_"):
        return False
    return not (tok.text[:1].isupper() and tok.i > 0 and not _sentence_initial(tok))


def _sentence_initial(tok: Token) -> bool:
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or prev.text in _SENT_END or prev.text in MARKS or prev.text == ":"


def _is_finite(tok: Token) -> bool:
    if "VerbForm=Fin" in tok.morph:
        return True
    if tok.tag_:
        return tok.tag_ in ("VVFIN", "VAFIN", "VMFIN")
    return tok.pos_ in ("VERB", "AUX")


def _mood(ctx: _Context, tok: Token) -> str | None:
    """'Konjunktiv I', 'Konjunktiv II' or None for a finite verb token."""
    low = tok.lower_
    if not _is_finite(tok) and low not in ctx.lex.konjunktiv_i and low not in ctx.lex.konjunktiv_ii:
        return None
    doc = tok.doc
    near = {doc[j].lower_ for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)}
    if "ich" in near:  # "ich habe", "werde ich": first person indicative
        return None
    if low in ctx.lex.konjunktiv_ii:
        return "Konjunktiv II"
    if low in ctx.lex.konjunktiv_i:
        return "Konjunktiv I"
    if "Mood=Sub" in tok.morph:
        return "Konjunktiv II" if low.endswith(("te", "ten", "ste", "sten")) else "Konjunktiv I"
    lemma = tok.lemma_.lower()
    if lemma.endswith("en") and low == lemma[:-1] and _is_finite(tok) and tok.pos_ in ("VERB", "AUX"):
        return "Konjunktiv I"  # bestehe, gehe: form = lemma minus n
    if (
        tok.tag_ in ("VVFIN", "VAFIN", "VMFIN")
        and low.endswith("e")
        and not low.endswith("te")
        and lemma == low
    ):
        return "Konjunktiv I"  # "rechne" left unlemmatized and called Ind: the -e form is Konjunktiv I
    return None


def _clause(ctx: _Context, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of token ``i`` inside [lo, hi): bounded by commas, colons, dashes, quotation marks."""
    doc = ctx.doc
    names = ctx.name_quote
    a = i
    while a > lo:
        if doc[a - 1].text == ")":  # a parenthesis inside the clause: "Berninger (Grüne) gefordert"
            opener = next((j for j in range(a - 2, max(lo, a - 10) - 1, -1) if doc[j].text == "("), None)
            if opener is not None and not any(doc[j].text in _SENT_END for j in range(opener, a)):
                a = opener
                continue
        if doc[a - 1].text in _CLAUSE_PUNCT or (a - 1 in ctx.mark_tokens and a - 1 not in names):
            break
        if ctx.inside[a - 1] != ctx.inside[i] and a - 1 not in names:
            break
        a -= 1
    b = i + 1
    while (
        b < hi
        and doc[b].text not in _CLAUSE_PUNCT
        and (b not in ctx.mark_tokens or b in names)
        and (doc[b].text not in _SENT_END or b in names)
    ):
        if ctx.inside[b] != ctx.inside[i] and b not in names:
            break
        b += 1
    return a, b


def _particle(ctx: _Context, entry: VerbEntry, i: int, hi: int) -> int | None:
    """A separated particle of ``entry`` after ``i`` in its clause: "kündigte … an" (before , . : „),
    or right before it in a verb-final clause written apart: "wie Adidas bekannt gab"."""
    doc = ctx.doc
    if i > 0 and doc[i - 1].lower_ in entry.particles and len(doc[i - 1].text) > 3:
        return i - 1
    for j in range(i + 1, hi):
        tok = doc[j]
        if tok.lower_ in entry.particles:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if (
                tok.tag_ == "PTKVZ"
                or nxt is None
                or nxt.text in _SENT_END
                or nxt.text in _CLAUSE_PUNCT
                or (nxt.text in MARKS)
                or nxt.lower_ in ("und", "oder")
            ):
                return j
    return None


def _cues(ctx: _Context, lo: int, hi: int) -> list[_Cue]:
    """Speech-verb cues in sentence [lo, hi), outside quotations."""
    out = []
    doc = ctx.doc
    for i in range(lo, hi):
        if ctx.inside[i]:
            continue
        tok = doc[i]
        if tok.lower_ == "so" and i > lo and doc[i - 1].text == "," and i + 1 < hi:
            # "…, so Elshorst weiter." / "„…“, so ein Sprecher": the attribution "so X"
            nxt = doc[i + 1]
            if _outer_mention(ctx, start=i + 1) is not None or nxt.pos_ in ("DET", "PROPN", "NOUN"):
                a, b = _clause(ctx, i, lo, hi)
                out.append(_Cue(i, _SO, None, "so", a, b))
            continue
        if not _is_verbish(tok):
            continue
        for entry, fused in ctx.lex.lookup(tok.text, tok.lemma_ if tok.lemma_ != tok.text else ""):
            a, b = _clause(ctx, i, lo, hi)
            particle: int | None = None
            if fused:
                lemma = fused + entry.lemma
            elif entry.particles:
                particle = _particle(ctx, entry, i, b if b < hi else hi)
                if particle is None and not entry.alone:
                    continue
                lemma = (doc[particle].lower_ + entry.lemma) if particle is not None else entry.lemma
            else:
                lemma = entry.lemma
            out.append(_Cue(i, entry, particle, lemma, a, b))
            break
    return out


# --- speakers --------------------------------------------------------------------------------------


def _outer_mention(ctx: _Context, start: int | None = None, end: int | None = None) -> Span | None:
    """The longest actor mention starting at ``start`` (or ending at ``end``); demonyms excluded."""
    best: Span | None = None
    for m in ctx.mentions:
        if start is not None and m.start != start:
            continue
        if end is not None and m.end != end:
            continue
        if m.label_ == "MISC" and (m._.link if m.has_extension("link") else None) == "demonym":
            continue
        if best is None or len(m) > len(best):
            best = m
    return best


def _containing_mention(ctx: _Context, i: int) -> Span | None:
    best: Span | None = None
    for m in ctx.mentions:
        if m.start <= i < m.end and (best is None or len(m) > len(best)):
            if m.label_ == "MISC" and len(m) == 1 and m.start == i and not m.text[:1].isupper():
                continue
            best = m
    return best


def _actor(span: Span) -> str | None:
    return span._.actor_id if span.has_extension("actor_id") else None


def _link_conf(span: Span) -> float:
    value = span._.confidence if span.has_extension("confidence") else None
    return float(value) if value is not None else 0.8


def _speaker_from_mention(ctx: _Context, m: Span, base: float) -> _Speaker:
    actor = _actor(m)
    conf = base * (0.5 + 0.5 * _link_conf(m)) if actor else base * 0.7
    if len(m) == 1 and m[0].lower_ in ("er", "sie"):
        actor, conf = _check_pronoun(ctx, m, actor, conf)
    start = m.start
    if m.label_ == "PER":  # the title and article before a name: "Der Vorsitzende Richter Klaus Tolksdorf"
        doc = ctx.doc
        while start > 0 and m.start - start < 4 and doc[start - 1].pos_ in ("DET", "ADJ", "NOUN"):
            if ctx.inside[start - 1] or doc[start - 1].lower_ in _NOT_SPEAKERS - {"der", "die"}:
                break
            start -= 1
        if start < m.start and doc[start].pos_ != "DET" and doc[start].pos_ != "NOUN":
            start = m.start  # an adjective alone is not a title
    return _Speaker((start, m.end), actor, round(conf, 3))


def _check_pronoun(ctx: _Context, m: Span, actor: str | None, conf: float) -> tuple[str | None, float]:
    """A pronoun speaker refers to the subject of the sentence before more often than not (centering):
    when that sentence opens with a person mention other than the linker's choice, prefer it."""
    idx = _sentence_index(ctx, m.start)
    if idx <= 0:
        return actor, conf
    a, b = ctx.sentences[idx - 1]
    j = a
    while j < b and (ctx.doc[j].lower_ in _CLAUSE_LEAD or ctx.doc[j].is_punct):
        j += 1
    first = _outer_mention(ctx, start=j)
    if first is None or first.label_ != "PER" or _actor(first) is None:
        return actor, conf
    if _actor(first) != actor:
        return _actor(first), min(conf, 0.6)
    return actor, conf


def _np_after(ctx: _Context, i: int, hi: int) -> tuple[int, int] | None:
    """A noun phrase (article/adjectives/nouns/names, at most 6 tokens) starting at ``i``."""
    doc = ctx.doc
    j = i
    while j < hi and j - i < 7:
        tok = doc[j]
        if tok.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or (not tok.pos_ and tok.is_alpha and j == i):
            j += 1
            continue
        break
    if j > i and any(doc[k].pos_ in ("NOUN", "PROPN") for k in range(i, j)):
        return i, j
    return None


def _speech_noun(ctx: _Context, word: str) -> bool:
    """A noun of an attribution phrase, also as the head of a compound ("Polizeiangaben",
    "Expertenmeinung", "Medienberichten")."""
    low = word.lower()
    if low in ctx.lex.nouns:
        return True
    return word[:1].isupper() and any(
        len(n) >= 6 and not n.startswith("wort") and low.endswith(n) for n in ctx.lex.nouns
    )


def _subject_np(ctx: _Context, head: Token, s_lo: int) -> tuple[int, int]:
    """The noun phrase of a subject head without its relative clauses and comma-delimited parts."""
    keep = {head.i}
    for t in head.subtree:
        if t.i == head.i:
            continue
        node, ok = t, True
        while node.i != head.i:
            if node.dep_ in ("acl", "acl:relcl", "relcl", "parataxis", "conj", "cc") or node.text == ",":
                ok = False
                break
            node = node.head
        if ok:
            keep.add(t.i)
    left = max(min(keep), s_lo)
    right = head.i + 1
    while right in keep:
        right += 1
    while left < head.i and ctx.doc[left].is_punct:
        left += 1
    return left, right


_PASSIVE_AUX = {"wird", "wurde", "wurden", "werden", "worden"}


def _passive_agent(ctx: _Context, cue: _Cue) -> _Speaker | None:
    """The speaker of a passive cue ("Ihm wurde vorgeworfen, …", "wie von der Polizei mitgeteilt
    wurde"): the agent of a "von/vom" phrase, else nobody (the dative is the addressee)."""
    doc = ctx.doc
    for j in range(cue.lo, cue.hi):
        if doc[j].lower_ in ("von", "vom") and j + 1 < cue.hi:
            m = _outer_mention(ctx, start=j + 1)
            if m is not None:
                return _speaker_from_mention(ctx, m, CONF_CLAUSE)
            np = _np_after(ctx, j + 1, cue.hi)
            if np is not None:
                return _Speaker(np, None, CONF_CLAUSE * 0.8)
    # "So wird in einer Pressemitteilung der Organisation gefordert, …": the document speaks
    for j in range(cue.lo, cue.hi):
        if doc[j].lower_ in ("in", "im") and j + 1 < cue.hi:
            np = _np_after(ctx, j + 1, cue.hi)
            if np is not None and doc[np[1] - 1].pos_ == "NOUN" and _document_np(ctx, np):
                return _Speaker(np, None, CONF_CLAUSE * 0.8)
    return None


def _is_passive(ctx: _Context, cue: _Cue) -> bool:
    doc = ctx.doc
    if doc[cue.i].tag_ != "VVPP":
        return False
    return any(doc[j].lower_ in _PASSIVE_AUX for j in range(cue.lo, cue.hi) if j != cue.i)


def _speaker_of(ctx: _Context, cue: _Cue) -> _Speaker | None:
    doc = ctx.doc
    lo, hi, i = cue.lo, cue.hi, cue.i
    if _is_passive(ctx, cue):
        return _passive_agent(ctx, cue)
    if cue.entry.impersonal:  # "Aus dem Kreml hieß es", "heißt es in dem Bericht": an aus/von/in phrase
        for j in range(lo, hi):
            if doc[j].lower_ in ("aus", "von", "vom", "in", "im") and j != i:
                for k in range(j + 1, min(j + 4, hi)):
                    m = _outer_mention(ctx, start=k)
                    if m is not None:
                        return _speaker_from_mention(ctx, m, CONF_CLAUSE)
                np = _np_after(ctx, j + 1, hi)
                if np is not None and doc[np[1] - 1].pos_ == "NOUN" and (j > i or _document_np(ctx, np)):
                    return _Speaker(np, None, CONF_CLAUSE * 0.8)
        return None
    # (i) subject right before the cue at the clause start: "Der US-Präsident betonte"
    for end in (i, i - 1):
        m = _outer_mention(ctx, end=end)
        if m is not None and m.start >= lo:
            lead = all(doc[k].lower_ in _CLAUSE_LEAD for k in range(lo, m.start))
            if lead:
                return _speaker_from_mention(ctx, m, CONF_ADJACENT)
    # (i') an apposition before the cue: "Die Sprecherin der Stiftung, Heike van Laak, sagte"
    if i >= 2 and doc[i - 1].text == ",":
        m = _outer_mention(ctx, end=i - 1)
        if m is not None and m.start >= 2 and doc[m.start - 1].text == ",":
            k = _sentence_index(ctx, i)
            s_lo = ctx.sentences[k][0] if k >= 0 else 0
            np = _np_after(ctx, s_lo, m.start - 1)
            if np is not None and np[1] >= m.start - 2:
                sp = _speaker_from_mention(ctx, m, CONF_ADJACENT)
                return _Speaker((s_lo, m.end), sp.actor_id, sp.confidence)
            if m.label_ == "PER":
                return _speaker_from_mention(ctx, m, CONF_CLAUSE)
        # "Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes, sagte"
        k = _sentence_index(ctx, i)
        s_lo = ctx.sentences[k][0] if k >= 0 else 0
        while s_lo < i and doc[s_lo].lower_ in _CLAUSE_LEAD:
            s_lo += 1
        first = _outer_mention(ctx, start=s_lo)
        if first is not None and first.end < i - 1 and doc[first.end].text == ",":
            np = _np_after(ctx, first.end + 1, i - 1)
            if np is not None and np[1] == i - 1:
                sp = _speaker_from_mention(ctx, first, CONF_ADJACENT)
                return _Speaker((first.start, i - 1), sp.actor_id, sp.confidence)
    # (ii) subject right after the cue (inversion): "sagte Hegseth", "fügte er an", "schrieb der …"
    j = i + 1
    skipped = 0
    while j < hi and skipped < 2 and doc[j].lower_ in _SKIP_AFTER_CUE:
        j += 1
        skipped += 1
    if j < hi:
        m = _outer_mention(ctx, start=j)
        if m is not None:
            return _speaker_from_mention(ctx, m, CONF_ADJACENT)
        if doc[j].lower_ in _NOM_PRONOUNS:
            return _Speaker((j, j + 1), None, CONF_CLAUSE * 0.7)
        # a title before an unlinked or late-starting name: "gab Bundesverkehrsminister Manfred Stolpe"
        if doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ"):
            np = _np_after(ctx, j, hi)
            if np is not None:
                inner = [m for m in ctx.mentions if np[0] <= m.start and m.end <= np[1] and m.label_ == "PER"]
                if inner:
                    m = max(inner, key=lambda x: (x.end, len(x)))
                    sp = _speaker_from_mention(ctx, m, CONF_ADJACENT)
                    return _Speaker((np[0], max(np[1], m.end)), sp.actor_id, sp.confidence)
    # (iii) the parser's subject, also when it hangs on the auxiliary ("Sie haben angekündigt")
    bearers = [doc[i]] + [c for c in doc[i].children if c.dep_.startswith("aux") and c.i < i]
    for child in (c for b in bearers for c in b.children):
        if child.lower_ in _NOT_SPEAKERS:
            continue
        if child.dep_ in ("nsubj", "sb", "nsubj:pass") and lo <= child.i < hi:
            m = _containing_mention(ctx, child.i)
            if m is not None:
                return _speaker_from_mention(ctx, m, CONF_PARSE)
            left = min(t.i for t in child.subtree)
            right = max(t.i for t in child.subtree) + 1
            if right - left <= 8 and lo <= left and right <= hi:
                return _Speaker((left, right), None, CONF_PARSE * 0.6)
    # (iii') the parser's subject before the cue's clause, past a relative clause or apposition:
    # "Die Interessengemeinschaft …, die … gegründet wurde, hat … bekannt gegeben"
    k = _sentence_index(ctx, i)
    s_lo = ctx.sentences[k][0] if k >= 0 else lo
    for child in (c for b in bearers for c in b.children):
        if child.dep_ not in ("nsubj", "sb") or child.lower_ in _NOT_SPEAKERS or ctx.inside[child.i]:
            continue
        if s_lo <= child.i < lo:
            np = _subject_np(ctx, child, s_lo)
            m = _containing_mention(ctx, child.i)
            if m is not None and m.start >= np[0] and m.end <= np[1]:
                sp = _speaker_from_mention(ctx, m, CONF_PARSE)
                return _Speaker(np, sp.actor_id, sp.confidence)
            return _Speaker(np, None, CONF_PARSE * 0.6)
    # (iv) verb-final clause: its first actor mention ("hatte die NATO … zugesichert")
    for m in sorted(ctx.mentions, key=lambda s: (s.start, -len(s))):
        if lo <= m.start and m.end <= i and m.label_ in ("PER", "ORG", "GPE") and _actor(m):
            if doc[m.start - 1].lower_ in ("mit", "von", "an", "für", "gegen") if m.start > 0 else False:
                continue
            return _speaker_from_mention(ctx, m, CONF_CLAUSE)
    # (v) a noun phrase without a linked actor: "sagte ein Sprecher des Ministeriums"
    if (
        doc[lo].pos_ in ("DET", "NOUN", "PROPN")
        and lo < i
        and doc[lo].lower_ not in _NOT_SPEAKERS - {"der", "die"}
    ):
        np = _np_after(ctx, lo, i)
        if np is not None and np[1] == i:
            return _Speaker(np, None, CONF_CLAUSE * 0.8)
    np = _np_after(ctx, i + 1, len(doc))
    if np is not None and any(doc[t].dep_ in ("obj", "iobj", "obl", "advmod") for t in range(*np)):
        np = None  # an object after the cue is not its speaker: "bezweifelte offen die Eignung Merkels"
    if np is not None and doc[np[0]].lower_ in _DATIVE_ADDRESSEES:
        np = None
    if np is not None:
        end = np[1]
        actor = None
        if end + 1 < len(doc) and doc[end].text == ",":
            m = _outer_mention(ctx, start=end + 1)
            if m is not None and m.label_ == "PER":
                end, actor = m.end, _actor(m)
        return _Speaker((np[0], end), actor, CONF_CLAUSE * (1.0 if actor else 0.8))
    # (vi) a coordinated clause opened by the cue shares the sentence's subject:
    # "Wahlbeobachter monieren Unregelmäßigkeiten, sprechen aber davon, dass …"
    if i == lo and lo > s_lo and doc[lo - 1].lower_ in (",", "und", "sowie"):
        opening = s_lo
        while opening < lo and doc[opening].lower_ in _CLAUSE_LEAD:
            opening += 1
        m = _outer_mention(ctx, start=opening)
        if m is not None and m.end < lo and m.label_ in ("PER", "ORG", "GPE"):
            return _speaker_from_mention(ctx, m, CONF_CLAUSE)
        np = _np_after(ctx, opening, lo)
        if np is not None and np[0] == opening and doc[np[1] - 1].pos_ in ("NOUN", "PROPN"):
            return _Speaker(np, None, CONF_CLAUSE * 0.8)
    return None


def _document_np(ctx: _Context, np: tuple[int, int]) -> bool:
    """A noun phrase naming a text ("In der Resolution heißt es"), not a time ("In der Nacht hieß es"):
    its head noun is no time word and it holds no number (the time component runs after this one)."""
    head = ctx.doc[np[1] - 1]
    if head.lower_ in _TIME_NOUNS:
        return False
    return not any(ctx.doc[t].like_num for t in range(*np))


def _sentence_index(ctx: _Context, i: int) -> int:
    for k, (a, b) in enumerate(ctx.sentences):
        if a <= i < b:
            return k
    return -1


# --- addressee and medium -------------------------------------------------------------------------


def _medium(ctx: _Context, lo: int, hi: int) -> tuple[int, int] | None:
    doc = ctx.doc
    for j in range(lo, hi):
        if doc[j].lower_ not in ctx.lex.medium_prepositions or ctx.inside[j]:
            continue
        for k in range(j + 1, min(j + 5, hi)):
            low = doc[k].lower_
            hit = low in ctx.lex.media_nouns
            for platform in ctx.lex.platforms:
                if tuple(t.text for t in doc[k : k + len(platform)]) == platform:
                    return j, k + len(platform)
            if hit:
                end = k + 1
                for platform in ctx.lex.platforms:  # "auf der Online-Plattform Truth Social"
                    if tuple(t.text for t in doc[end : end + len(platform)]) == platform:
                        return j, end + len(platform)
                while end < hi and doc[end].pos_ == "PROPN" and end - k < 3:
                    end += 1
                return j, end
            if doc[k].text in _CLAUSE_PUNCT or doc[k].pos_ in ("VERB", "AUX"):
                break
    return None


def _addressee(ctx: _Context, lo: int, hi: int) -> tuple[int, int] | None:
    doc = ctx.doc
    for j in range(lo, hi):
        if doc[j].lower_ not in ctx.lex.addressee_prepositions or ctx.inside[j]:
            continue
        # only actors are addressees ("gegenüber Journalisten" is a medium, "zum Beispiel" nothing)
        for k in range(j + 1, min(j + 4, hi)):
            m = _outer_mention(ctx, start=k)
            if m is not None and m.label_ in ("PER", "ORG", "GPE", "LOC"):
                return j + 1, m.end
    return None


# --- the rules -------------------------------------------------------------------------------------


def _content(ctx: _Context, a: int, b: int) -> tuple[int, int]:
    """Characters of tokens [a, b) without trailing punctuation."""
    doc = ctx.doc
    n = len(doc)
    a, b = max(0, min(a, n)), max(0, min(b, n))
    if b <= a:
        char = doc[a].idx if a < n else len(doc.text)
        return char, char
    while b > a and (doc[b - 1].text in _SENT_END or doc[b - 1].text in _CLAUSE_PUNCT or doc[b - 1].is_space):
        b -= 1
    while a < b and (doc[a].text in _CLAUSE_PUNCT or doc[a].is_space):
        a += 1
    if b <= a:
        return doc[a].idx, doc[a].idx
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])


def _clause_end(ctx: _Context, a: int, hi: int) -> int:
    """End of a reported clause starting at ``a``: sentence end, a dash, or ", <cue> <speaker>"."""
    doc = ctx.doc
    for j in range(a, hi):
        if ctx.inside[j] or j in ctx.mark_tokens:
            continue
        t = doc[j].text
        if t in ("–", "—", ";") or t in _SENT_END:
            return j
        if t == "," and j + 1 < hi and ctx.lex.lookup(doc[j + 1].text) and _is_verbish(doc[j + 1]):
            return j
    return hi


def _finite_moods(ctx: _Context, a: int, b: int, limit: int = 8, quoted: bool = False) -> str | None:
    """The mood of the first finite verb in tokens [a, min(b, a+limit)) outside quotations (with
    ``quoted`` also inside them: "das Gespräch „sei freundlich verlaufen“" is reported speech with a
    partial quote in it)."""
    doc = ctx.doc
    for j in range(a, min(b, a + limit)):
        if ctx.inside[j] and not quoted:
            continue
        if j in ctx.mark_tokens:
            continue
        tok = doc[j]
        if tok.text[:1].isupper() and not _sentence_initial(tok):
            continue  # a capitalized word inside a sentence is no verb, whatever the tagger says
        mood = _mood(ctx, tok)
        if mood:
            return mood
        if _is_finite(tok) and tok.pos_ in ("VERB", "AUX") and tok.tag_:
            return "Indikativ"
    return None


def _reportative_clause(ctx: _Context, a: int, b: int) -> bool:
    """A V2 clause whose finite verb is a reportative "soll/sollen" ("…, 200 Mitarbeiter sollen
    entlassen werden"): indicative, but as much reported as a Konjunktiv."""
    doc = ctx.doc
    for j in range(a, min(b, a + 8)):
        tok = doc[j]
        if _is_finite(tok) and tok.pos_ in ("VERB", "AUX") and tok.tag_:
            return tok.lower_ in ctx.lex.reportative_modals and j > a
    return False


def _zu_infinitive(ctx: _Context, a: int, b: int) -> bool:
    """A zu-infinitive clause: "… einzusetzen", "… zu verringern" (no finite verb before it)."""
    doc = ctx.doc
    for j in range(a, b):
        tok = doc[j]
        # the STTS tag decides where there is one: the morphologizer calls some participles finite
        if tok.tag_ in ("VVFIN", "VAFIN", "VMFIN") and j < b - 2:
            return False
        if tok.tag_ in ("PTKZU", "VVIZU") or (
            tok.lower_ == "zu" and j + 1 < b and doc[j + 1].pos_ in ("VERB", "AUX")
        ):
            return True
        if (
            tok.tag_ in ("", "VVINF", "VAINF")  # the tagger calls some fused forms "aufzusuchen" VVINF
            and "zu" in tok.lower_[2:-2]
            and tok.lower_.endswith(("en", "ern", "eln"))
            and j >= b - 2
        ):
            return True
    return False


def _clause_mood(ctx: _Context, a: int, b: int) -> str | None:
    """Mood of a clause: any Konjunktiv finite verb wins (verb-final clauses), else Indikativ/None."""
    seen = None
    for j in range(a, b):
        if ctx.inside[j]:
            continue
        mood = _mood(ctx, ctx.doc[j])
        if mood == "Konjunktiv I":
            return mood
        if mood:
            seen = mood
    return seen


def _make(
    ctx: _Context,
    kind: str,
    a: int,
    b: int,
    cue: _Cue | None,
    speaker: _Speaker | None,
    rule: str,
    mood: str | None = None,
    cue_range: tuple[int, int] | None = None,
) -> Found:
    start, end = _content(ctx, a, b)
    found = Found(kind, start, end, rule=rule, mood=mood)
    if cue is not None:
        found.cue = (cue.i, cue.i + 1)
        found.particle = cue.particle
        found.cue_lemma = cue.lemma
        found.medium = _medium(ctx, cue.lo, cue.hi)
        found.addressee = _addressee(ctx, cue.lo, cue.hi)
    if cue_range is not None:
        found.cue = cue_range
    if speaker is not None:
        found.speaker = speaker.span
        found.actor_id = speaker.actor_id
        found.confidence = speaker.confidence
    return found


def _in_heading(ctx: _Context, char: int) -> bool:
    return any(a <= char < b for a, b in ctx.headings)


def _reported(ctx: _Context, k: int, state: _State, cues: list[_Cue]) -> list[tuple[Found, _Cue | None]]:
    """Reported speech in sentence ``k``."""
    doc = ctx.doc
    lo, hi = ctx.sentences[k]
    out: list[tuple[Found, _Cue | None]] = []
    # R1: cue + "dass/ob" clause or a V2 clause in Konjunktiv
    for cue in cues:
        end = cue.particle + 1 if cue.particle is not None else cue.i + 1
        comma = end
        # the content clause follows a comma, or a colon ("bezweifelte die Eignung: Er habe „…“")
        while (
            comma < hi
            and doc[comma].text not in (",", ":")
            and (not ctx.inside[comma] or comma in ctx.name_quote)
        ):
            if comma not in ctx.name_quote and (doc[comma].text in _SENT_END or comma in ctx.mark_tokens):
                comma = hi
                break
            comma += 1
        if comma >= hi or doc[comma].text not in (",", ":"):
            continue
        a = comma + 1
        if a >= hi or ctx.inside[a] or a in ctx.mark_tokens:
            continue
        b = _clause_end(ctx, a, hi)
        first = doc[a].lower_
        mood: str | None
        if first in _COMPLEMENTIZERS:
            mood = _clause_mood(ctx, a, b) or "Indikativ"
        elif first in _CONTEXT_ONLY:
            continue
        else:
            mood = _finite_moods(ctx, a, b)
            if mood is None:
                mood = _finite_moods(ctx, a, b, quoted=True)
            # "berichtete, 200 Mitarbeiter sollen entlassen werden": reportative, though indicative
            reportative = mood == "Indikativ" and _reportative_clause(ctx, a, b)
            if mood not in ("Konjunktiv I", "Konjunktiv II") and not reportative:
                # "kündigte an, … zurückzutreten": announcing/promising verbs with a zu-infinitive
                if cue.lemma not in _INFINITIVE_CUES or not _zu_infinitive(ctx, a, b):
                    continue
                mood = None
        out.append((_make(ctx, "reported", a, b, cue, _speaker_of(ctx, cue), "cue+clause", mood), cue))
    if out:
        return out
    # R8: "Wie X mitteilte, wird …" / "…, wie X berichtete."
    speaker: _Speaker | None
    for cue in cues:
        # "Denn wie X berichtete, …": a conjunction before "wie" still opens the sentence
        opener = cue.lo == lo and doc[lo].lower_ in ("denn", "und", "aber", "doch") and lo + 1 < cue.i
        if opener and doc[lo + 1].lower_ == "wie":
            cue = replace(cue, lo=lo + 1)
        if doc[cue.lo].lower_ != "wie" or ctx.inside[cue.lo]:
            continue
        end = cue.hi
        if cue.lo <= lo + 1 and end < hi and doc[end].text == ",":
            a, b = end + 1, _clause_end(ctx, end + 1, hi)
        elif cue.lo > lo and doc[cue.lo - 1].text == ",":
            a, b = lo, cue.lo - 1
        else:
            continue
        speaker = _speaker_of(ctx, cue)
        if speaker is None or speaker.span is None:
            np = _np_after(ctx, cue.lo + 1, cue.i)
            speaker = _Speaker(np, None, CONF_CLAUSE * 0.8) if np is not None else None
        mood = _clause_mood(ctx, a, b) or _finite_moods(ctx, a, b, limit=12)
        out.append((_make(ctx, "reported", a, b, cue, speaker, "wie-clause", mood), cue))
    if out:
        return out
    # R9: "Berichte der Zeitung, wonach …": the source is the noun phrase before the comma
    for j in range(lo + 2, hi):
        if doc[j].lower_ != "wonach" or doc[j - 1].text != "," or ctx.inside[j]:
            continue
        start = j - 1
        while start > lo and doc[start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN") and j - 1 - start < 6:
            start -= 1
        speaker = None
        if start < j - 1:
            inner = _containing_mention(ctx, j - 2)
            speaker = _Speaker((start, j - 1), _actor(inner) if inner is not None else None, CONF_CLAUSE)
        a, b = j + 1, _clause_end(ctx, j + 1, hi)
        mood = _clause_mood(ctx, a, b) or _finite_moods(ctx, a, b, limit=12)
        out.append((_make(ctx, "reported", a, b, None, speaker, "wonach", mood, (j, j + 1)), None))
    if out:
        return out
    # R2: a clause before a trailing cue: "Eine Waffenruhe … könne „…“ erreicht werden, fügte er an."
    for cue in cues:
        if cue.i == 0 or doc[cue.i - 1].text != ",":
            continue
        a = lo
        b = cue.i - 1
        if b <= a:
            continue
        quoted = sum(1 for j in range(a, b) if ctx.inside[j] or j in ctx.mark_tokens)
        if quoted >= (b - a) - 1:
            continue  # "„…“, sagte X": a direct quote
        mood = _clause_mood(ctx, a, b) or "Indikativ"
        trailing = _speaker_of(ctx, cue)
        impersonal = cue.entry.impersonal and cue.i + 1 < hi and doc[cue.i + 1].lower_ == "es"
        if impersonal and (trailing is None or trailing.span is None or trailing.span[0] > cue.i):
            pass  # "…, heißt es (in dem Bericht)": no speaker, or the source after it
        elif trailing is None or trailing.span is None or trailing.span[0] <= cue.i:
            continue  # a trailing cue has its subject after it: "…, fügte er an"
        conf_scale = 1.0 if mood.startswith("Konjunktiv") else 0.8
        found = _make(ctx, "reported", a, b, cue, trailing, "clause+trailing-cue", mood)
        found.confidence = round(found.confidence * conf_scale, 3)
        found.impersonal = impersonal and found.speaker is None
        out.append((found, cue))
    if out:
        return out
    # R3: attribution phrases: laut X, X zufolge, nach Angaben/Darstellung X
    for j in range(lo, hi):
        if ctx.inside[j]:
            continue
        low = doc[j].lower_
        src: Span | None = None
        phrase: tuple[int, int] | None = None
        np_source: tuple[int, int] | None = None
        if low in ctx.lex.prep_before:
            t = j + 1
            if t < hi and doc[t].lower_ in ctx.lex.nouns:
                t += 1
            while t < hi and doc[t].lower_ in ("von", "der", "des", "dem", "den"):
                t += 1
            src = _outer_mention(ctx, start=t) or _containing_mention(ctx, t)
            if src is None and t < hi:  # "laut Verfassung", "laut Angaben der Polizei"
                np_source = _np_after(ctx, j + 1, hi)
            phrase = (j, src.end if src is not None else np_source[1] if np_source else t + 1)
            cue_range = (j, j + 1)
        elif low in ctx.lex.prep_after:
            src = _outer_mention(ctx, end=j)
            if src is None:
                np_start = j - 1
                while np_start > lo and doc[np_start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
                    np_start -= 1
                phrase = (np_start, j + 1)
                if j - np_start >= 1 and doc[j - 1].pos_ in ("NOUN", "PROPN"):
                    np_source = (np_start, j)
            else:
                phrase = (src.start, j + 1)
            cue_range = (j, j + 1)
        elif (
            low in ctx.lex.prep_noun
            and j > lo
            and _speech_noun(ctx, doc[j - 1].text)
            and (j + 1 >= hi or doc[j + 1].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"))
        ):
            # "Seiner Meinung nach …", "Dem Vernehmen nach": the noun phrase before "nach"
            np_start = j - 1
            while np_start > lo and doc[np_start - 1].pos_ in ("DET", "ADJ", "PRON") and j - np_start < 4:
                np_start -= 1
            src = None
            np_source = (np_start, j)
            phrase = (np_start, j + 1)
            cue_range = (j, j + 1)
        elif low in ctx.lex.prep_noun and j + 1 < hi:
            t = j + 1
            if doc[t].pos_ == "DET" or doc[t].lower_ in _POSSESSIVES:
                t += 1
            while t < hi and t - j < 4 and doc[t].pos_ == "ADJ" and not ctx.inside[t]:
                t += 1  # "nach ersten Angaben", "nach neuesten Erkenntnissen"
            if t < hi and _speech_noun(ctx, doc[t].text):
                noun = t
                t += 1
                while t < hi and doc[t].lower_ in ("von", "der", "des", "dem", "den", "vom"):
                    t += 1
                src = _outer_mention(ctx, start=t) if t < hi else None
                if src is None and t > noun + 1:
                    np = _np_after(ctx, t, hi)
                    if np is None and t + 1 < hi and t in ctx.mark_tokens:  # "der „Frankfurter Allgemeinen“"
                        np = _np_after(ctx, t + 1, hi)
                        if np is not None and np[1] < hi and np[1] in ctx.mark_tokens:
                            np = (np[0], np[1] + 1)
                    np_source = (j + 1, np[1] if np is not None else noun + 1)
                elif src is None:
                    np_source = (j + 1, noun + 1)  # "nach ersten Angaben", "nach Polizeiangaben"
                phrase = (j, src.end if src is not None else np_source[1] if np_source else noun + 1)
                cue_range = (j, noun + 1)
            else:
                continue
        else:
            continue
        if src is not None:
            speaker = _speaker_from_mention(ctx, src, CONF_ADJACENT)
        elif np_source is not None:  # "ersten Angaben zufolge", "nach Angaben der Bundesanwaltschaft"
            inner = _containing_mention(ctx, np_source[1] - 1)
            speaker = _Speaker(np_source, _actor(inner) if inner is not None else None, CONF_CLAUSE)
        elif state.speaker is not None and k - state.sentence <= CARRY_SENTENCES:
            speaker = _Speaker(state.speaker.span, state.speaker.actor_id, CONF_CARRIED_FAR)
        else:
            speaker = None
        if phrase[0] <= lo + 1:
            a, b = phrase[1], hi
        else:
            a, b = lo, hi
        mood = _finite_moods(ctx, a, b, limit=12)
        out.append((_make(ctx, "reported", a, b, None, speaker, "attribution-phrase", mood, cue_range), None))
        return out
    # R3b: "demnach": the source is the adverb itself, an anaphor (as WikiNews annotates it) whose
    # actor is the speaker of the last attribution; without one the actor stays open
    for j in range(lo, hi):
        if not ctx.inside[j] and doc[j].lower_ in ctx.lex.adverbs:
            if state.speaker is not None and k - state.sentence <= CARRY_SENTENCES:
                conf = CONF_CARRIED if k - state.sentence == 1 else CONF_CARRIED_FAR
                actor = state.speaker.actor_id
            elif doc[j].lower_ == "demnach":
                conf, actor = CONF_NONE + 0.1, None
            else:
                continue
            carried = _Speaker((j, j + 1), actor, conf)
            mood = _clause_mood(ctx, lo, hi) or ("Indikativ" if doc[lo].tag_ else None)
            found = _make(ctx, "reported", lo, hi, None, carried, "demnach", mood, (j, j + 1))
            out.append((found, None))
            return out
    return out


def _direct_cue(ctx: _Context, q: QuoteMarks, span: Span, cues: list[_Cue]) -> tuple[_Cue | None, str]:
    """The cue of a quotation: after the closer, before the opener, elsewhere in the sentence."""
    doc = ctx.doc
    close_tok = _token_at(doc, q.close) if q.close is not None else span.end - 1
    close_tok = close_tok if close_tok is not None else span.end - 1
    # after the closer: "“, sagte X" / "“, so X"
    j = close_tok + 1
    if j < len(doc) and doc[j].text in (",", "–", "—"):
        j += 1
    for cue in cues:
        if cue.i in (j, j + 1):
            return cue, "after"
    # before the opener: "X sagte: „"
    open_tok = _token_at(doc, q.open)
    if open_tok is not None:
        before = [c for c in cues if c.i < open_tok]
        if before:
            return before[-1], "before"
        after = [c for c in cues if c.i > close_tok]
        if after:
            return after[0], "sentence"
    return None, ""


def find_quotes(
    doc: Doc,
    lexicon: CueLexicon | None = None,
    *,
    rank: bool = True,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Found]:
    """Direct, partial and reported quotes of ``doc`` in text order (see the module docstring).

    With ``rank`` (default) the trained speaker ranker (``ranker.py``), when its weights are
    packaged, chooses among the speaker candidates; ``rank=False`` gives the rules' choices.
    A reported item less sure than ``min_confidence`` is left out (``0`` keeps every guess): mostly a
    Konjunktiv sentence that is the writer's, not a source's, or hearsay ("soll … gewesen sein")
    whose source nobody names. Kept are quotations in quotation marks however unsure their speaker
    (the confidence says how sure) and impersonal reports ("…, heißt es")."""
    results, ctx = find_quotes_in_context(doc, lexicon)
    if rank:
        from lagebild.quotes.ranker import load_ranker, rerank

        ranker = load_ranker()
        if ranker is not None:
            rerank(ctx, results, ranker)
    kept = [f for f in results if f.kind != "reported" or f.impersonal or f.confidence >= min_confidence]
    return _join_continuation_runs(ctx.text, kept)


_BETWEEN_SENTENCES = re.compile(r"[\s.;!?“”\"»«]*")


def _join_continuation_runs(text: str, results: list[Found]) -> list[Found]:
    """Konjunktiv continuation sentences that follow one another with the same speaker are one
    report: "Er sagte, X. [Y sei …] [Z sei …]" gives two items, the attribution and the run after
    it, as WikiNews annotates long reports (the attribution's own sentence stays separate: joining it
    too lost more matches than it won on train articles 0-699)."""
    joined: list[Found] = []
    for found in results:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and found.rule.startswith("konjunktiv-continuation")
            and prev.rule.startswith("konjunktiv-continuation")
            and prev.speaker == found.speaker
            and _BETWEEN_SENTENCES.fullmatch(text[prev.end : found.start])
        ):
            prev.end = found.end
            continue
        joined.append(found)
    return joined


def find_quotes_in_context(doc: Doc, lexicon: CueLexicon | None = None) -> tuple[list[Found], _Context]:
    """The rules' quotes and the context they were read in (for the ranker and its training)."""
    ctx = _Context(doc, lexicon or load_cues())
    state = _State()
    results: list[Found] = []
    body_quotes = {
        ctx.text[q.start : q.end].strip(" .,!?") for q in ctx.marks if not _in_heading(ctx, q.start)
    }
    quotes_by_sentence: dict[int, list[QuoteMarks]] = {}
    for q in ctx.marks:
        tok = _token_at(doc, q.start)
        if tok is None:
            continue
        k = _sentence_index(ctx, tok)
        if _in_heading(ctx, q.start):
            if ctx.text[q.start : q.end].strip(" .,!?") in body_quotes - {
                ctx.text[q.start : q.end].strip(" .,!?")
            }:
                continue
            # a heading quoting a body quote is not a second quote; compare with body quotes only
            if any(
                ctx.text[q.start : q.end].strip(" .,!?") == ctx.text[b.start : b.end].strip(" .,!?")
                for b in ctx.marks
                if b is not q and not _in_heading(ctx, b.start)
            ):
                continue
        quotes_by_sentence.setdefault(k, []).append(q)

    for k, (lo, hi) in enumerate(ctx.sentences):
        heading = _in_heading(ctx, doc[lo].idx)
        if heading:
            state = _State()  # a subheading starts a new section: no speaker carries over
        cues = [] if heading else _cues(ctx, lo, hi)
        cues = [
            c
            for c in cues
            if not c.entry.needs_clause or _has_complement(ctx, c, hi, quotes_by_sentence.get(k))
        ]
        reported = [] if heading else _reported(ctx, k, state, cues)
        had_attribution = False
        for found, _cue in reported:
            results.append(found)
            had_attribution = True
        # direct and partial quotes opened in this sentence
        for q in quotes_by_sentence.get(k, []):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            kind = _quote_kind(ctx, q)
            cue, where = _direct_cue(ctx, q, span, cues) if cues else (None, "")
            found = Found(kind, q.start, q.end, rule=f"quote:{where or 'context'}", marks=q)
            if cue is not None:
                speaker = _speaker_of(ctx, cue)
                found.cue = (cue.i, cue.i + 1)
                found.particle = cue.particle
                found.cue_lemma = cue.lemma
                found.medium = _medium(ctx, cue.lo, cue.hi)
                found.addressee = _addressee(ctx, cue.lo, cue.hi)
                if speaker is not None:
                    found.speaker, found.actor_id, found.confidence = (
                        speaker.span,
                        speaker.actor_id,
                        speaker.confidence,
                    )
                if speaker is None or speaker.span is None:
                    found.confidence = CONF_NONE
            else:
                _attribute_from_context(ctx, k, found, state, heading)
            found.confidence = round(found.confidence * (q.confidence if q.confidence < 0.9 else 1.0), 3)
            if kind == "partial" and _not_a_quote(ctx.text[q.start : q.end], found):
                continue
            if _is_title(ctx, q):
                continue
            results.append(found)
            if found.speaker is not None:
                had_attribution = True
        # continuation sentences without a cue of their own
        if not heading and not reported and not cues:
            found_cont = _continuation(ctx, k, state, quotes_by_sentence.get(k, []))
            if found_cont is not None:
                results.append(found_cont)
                had_attribution = found_cont.speaker is not None
        # "Das teilte Trump … mit": a cue whose object is the sentence before
        if not heading and not reported and cues:
            extra = _demonstrative_cue(ctx, k, cues, state, results)
            if extra is not None:
                results.append(extra)
                had_attribution = True
        # a speech act without content clause: "Müntefering sprach von einem Riesenerfolg."
        if not heading and not reported and cues and not had_attribution and not quotes_by_sentence.get(k):
            act = _speech_act(ctx, k, cues)
            if act is not None:
                results.append(act)
                had_attribution = True
        # update the running speaker: the last cue with a speaker in this sentence, else the last item
        last_speaker: _Speaker | None = None
        last_cue: _Cue | None = None
        for cue in cues:
            sp = _speaker_of(ctx, cue)
            if sp is not None and sp.span is not None:
                last_speaker, last_cue = sp, cue
        if last_speaker is not None and last_cue is not None:
            state = _State(last_speaker, (last_cue.i, last_cue.i + 1), last_cue.particle, last_cue.lemma, k)
        elif had_attribution:
            items = [
                f for f in results if f.speaker is not None and ctx.sentences[k][0] <= _tok(doc, f.start) < hi
            ]
            if items:
                f = items[-1]
                sp = _Speaker(f.speaker, f.actor_id, f.confidence)
                state = _State(sp, f.cue, f.particle, f.cue_lemma, k)
    results = [f for f in results if f.end > f.start]  # an attribution phrase with nothing to attribute
    results.sort(key=lambda f: (f.start, f.end))
    return results, ctx


def _is_title(ctx: _Context, q: QuoteMarks) -> bool:
    """A quotation naming something: after a title noun ("der Film „…“", "unter dem Motto „…“"), or
    short and capitalized right after a definite article ("die „BILD am Sonntag“")."""
    doc = ctx.doc
    opener = _token_at(doc, q.open)
    if opener is None or opener == 0:
        return False
    content = ctx.text[q.start : q.end]
    prev = doc[opener - 1]
    before = doc[opener - 2] if opener >= 2 else None
    if prev.lower_ in ctx.lex.title_nouns or (
        before is not None and prev.pos_ in ("ADJ", "PROPN") and before.lower_ in ctx.lex.title_nouns
    ):
        return True
    short = len(content.split()) <= 6 and content.rstrip()[-1:] not in ".!?,"
    return short and prev.lower_ in ("der", "die", "das", "dem", "den", "des") and content[:1].isupper()


def _not_a_quote(content: str, found: Found) -> bool:
    """A title or name in quotation marks („Landser“, „Lavisan II“), or a short partial quote nobody
    is said to have said (scare quotes, names: „der Buhmann der Nation“): marked text, not a
    quotation (WikiNews annotates neither; measured on its train split)."""
    words = content.split()
    if words and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return True
    return found.speaker is None and len(words) <= UNATTRIBUTED_PARTIAL_MAX_WORDS


def _speech_act(ctx: _Context, k: int, cues: list[_Cue]) -> Found | None:
    """A main-clause speech verb with its subject at the sentence start or right after it, no
    content clause: the sentence is reported speech as a whole (WikiNews type "Reported")."""
    doc = ctx.doc
    lo, hi = ctx.sentences[k]
    for cue in cues:
        if cue.lemma in ctx.lex.no_speech_act:
            continue
        first = doc[lo].lower_
        if first in _CONTEXT_ONLY | _COMPLEMENTIZERS | {"wenn", "weil"}:
            continue
        if first == "als" and not (lo + 1 < hi and doc[lo + 1].pos_ == "NOUN"):
            continue  # "Als er sagte, …" is a subordinate clause; "Als Grund nannte X …" is not
        if cue.lo != lo:  # only past a subject apposition: "Der CSU-Vorsitzende, Edmund Stoiber, warf"
            sp = _speaker_of(ctx, cue)
            if sp is None or sp.span is None or sp.span[0] != lo:
                continue
            between = range(sp.span[1], cue.i)
            if sp.span[1] != cue.lo - 1 and any(
                _is_finite(doc[j]) and doc[j].pos_ in ("VERB", "AUX") for j in between
            ):
                continue  # "Die Partei, die Hamas, bezeichnete": an apposition, no clause of its own
        if cue.entry.needs_clause and not _act_complement(ctx, cue):
            continue
        if cue.entry.impersonal or (doc[cue.i].tag_ and doc[cue.i].tag_ not in ("VVFIN", "VAFIN", "VMFIN")):
            continue
        speaker = _speaker_of(ctx, cue)
        if speaker is None or speaker.span is None or speaker.confidence < SPEECH_ACT_MIN_CONF:
            continue
        if speaker.span[1] - speaker.span[0] == 1 and doc[speaker.span[0]].lower_ in _NOT_SPEAKERS:
            continue
        found = _make(
            ctx, "reported", lo, hi, cue, speaker, "speech-act", _mood(ctx, doc[cue.i]) or "Indikativ"
        )
        found.confidence = round(found.confidence * 0.8, 3)
        return found
    return None


# Needs-clause verbs that are speech acts with a prepositional complement instead of a clause:
# "sprach von einem Erfolg", "geht von Suizid aus", "schätzt die Zahl auf …", "hält es für falsch".
_ACT_PREPOSITIONS = {"sprechen": "von", "gehen": "von", "schätzen": "auf", "halten": "für", "rechnen": "mit"}
# Thought verbs that report a position with a plain object: "Kritiker fürchten Interessenskonflikte".
_ACT_OBJECT = {"fürchten", "befürchten", "erwarten", "bezweifeln"}


def _act_complement(ctx: _Context, cue: _Cue) -> bool:
    if cue.entry.lemma in _ACT_OBJECT:
        return True
    prep = _ACT_PREPOSITIONS.get(cue.entry.lemma)
    if prep is None:
        return False
    if cue.entry.lemma == "gehen" and cue.lemma != "ausgehen":
        return False  # "geht von … aus" only, not "geht nach Hause"
    return any(ctx.doc[j].lower_ == prep for j in range(cue.i + 1, cue.hi))


def _tok(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else 0


def _has_complement(ctx: _Context, cue: _Cue, hi: int, quotes: Sequence[QuoteMarks] | None) -> bool:
    """A needs_clause verb is a cue only with a quotation in its sentence or a complement clause."""
    if quotes:
        return True
    doc = ctx.doc
    if _act_complement(ctx, cue):
        return True  # "Müntefering sprach von einem Riesenerfolg": a speech act (rule R7)
    for j in range(cue.i + 1, min(hi, cue.i + 12)):
        if doc[j].text == "," and j + 1 < hi:
            nxt = doc[j + 1]
            if cue.lemma in _INFINITIVE_CUES and _zu_infinitive(ctx, j + 1, _clause_end(ctx, j + 1, hi)):
                return True  # "droht damit, das Ergebnis nicht anzuerkennen"
            return nxt.lower_ in _COMPLEMENTIZERS or _finite_moods(ctx, j + 1, hi) in (
                "Konjunktiv I",
                "Konjunktiv II",
            )
    if cue.i > 0 and doc[cue.i - 1].text == ",":
        return _clause_mood(ctx, ctx.sentences[_sentence_index(ctx, cue.i)][0], cue.i) is not None
    return False


def _quote_kind(ctx: _Context, q: QuoteMarks) -> str:
    """direct when the quotation is a sentence of its own or introduced by a colon; else partial."""
    text = ctx.text
    i = q.open - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    before = text[i] if i >= 0 else "\n"
    content = re.sub(r"^(?:\(\.\.\.\)|\[\.\.\.\]|\[…\]|\(…\)|…|\.\.\.)\s*", "", text[q.start : q.end])
    j = (q.close + 1) if q.close is not None else q.end
    while j < len(text) and text[j] in " \t":
        j += 1
    after = text[j] if j < len(text) else "\n"
    starts_sentence = before in "\n.!?:" or before in MARKS or i < 0
    full = content[:1].isupper() and (content.rstrip()[-1:] in ".!?…" or after in ",.!?–\n" or after == "")
    if starts_sentence and (content[:1].isupper() or content[:1] in MARKS or content[:1].isdigit()):
        return "direct"
    if before == "," and full:
        return "direct"
    if full and len(content.split()) >= 4 and content.rstrip()[-1:] in ".!?…":
        return "direct"
    return "partial"


def _subject_speaker(ctx: _Context, k: int, found: Found) -> bool:
    """A partial quotation in a sentence without speech verb belongs to the subject of its main verb:
    "Bsirske würdigte Kluncker als „eine bedeutende Persönlichkeit“" (the verb is the cue)."""
    doc = ctx.doc
    lo, hi = ctx.sentences[k]
    q_lo, q_hi = _tok(doc, found.start), _tok(doc, max(found.end - 1, found.start))
    for root in (t for t in doc[lo:hi] if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")):
        if q_lo <= root.i <= q_hi or ctx.inside[root.i]:
            continue
        bearers = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for child in (c for b in bearers[:1] for c in b.children):
            if child.dep_ not in ("nsubj", "sb") or child.lower_ in _NOT_SPEAKERS or ctx.inside[child.i]:
                continue
            m = _containing_mention(ctx, child.i)
            if m is not None and m.label_ in ("PER", "ORG"):
                sp = _speaker_from_mention(ctx, m, CONF_PARSE * 0.8)
            elif child.pos_ in ("NOUN", "PROPN"):
                sp = _Speaker(_subject_np(ctx, child, lo), None, CONF_PARSE * 0.6)
            else:
                continue
            found.speaker, found.actor_id, found.confidence = sp.span, sp.actor_id, sp.confidence
            found.cue, found.cue_lemma = (root.i, root.i + 1), root.lemma_ or None
            found.rule = "quote:sentence-subject"
            return True
    return False


def _attribute_from_context(ctx: _Context, k: int, found: Found, state: _State, heading: bool) -> None:
    """A quotation without a cue in its sentence: the speaker of the sentence before, else of a
    "Das sagte X" sentence after, else none (low confidence)."""
    doc = ctx.doc
    if heading:
        found.confidence = CONF_NONE
        return
    words = len(ctx.text[found.start : found.end].split())
    if found.kind == "partial" and words > UNATTRIBUTED_PARTIAL_MAX_WORDS and _subject_speaker(ctx, k, found):
        return
    if state.speaker is not None and k - state.sentence == 1:
        found.speaker, found.actor_id = state.speaker.span, state.speaker.actor_id
        found.cue, found.particle, found.cue_lemma = state.cue, state.particle, state.cue_lemma
        found.confidence = round(min(state.speaker.confidence, CONF_CARRIED), 3)
        found.rule = "quote:previous-sentence"
        return
    if k + 1 < len(ctx.sentences):
        a, b = ctx.sentences[k + 1]
        if doc[a].lower_ in _DEMONSTRATIVES | {"so"}:
            for cue in _cues(ctx, a, b):
                if cue.i <= a + 3:
                    speaker = _speaker_of(ctx, cue)
                    if speaker is not None:
                        found.speaker, found.actor_id = speaker.span, speaker.actor_id
                        found.cue, found.particle, found.cue_lemma = (
                            (cue.i, cue.i + 1),
                            cue.particle,
                            cue.lemma,
                        )
                        found.confidence = round(speaker.confidence * 0.8, 3)
                        found.rule = "quote:next-sentence"
                        return
    if state.speaker is not None and k - state.sentence <= 2:
        found.speaker, found.actor_id = state.speaker.span, state.speaker.actor_id
        found.cue, found.particle, found.cue_lemma = state.cue, state.particle, state.cue_lemma
        found.confidence = CONF_CARRIED_FAR
        found.rule = "quote:carried"
        return
    found.confidence = CONF_NONE


def _continuation(ctx: _Context, k: int, state: _State, quotes: list[QuoteMarks]) -> Found | None:
    """A sentence in Konjunktiv (or "So soll …") without a cue: reported, speaker carried over."""
    doc = ctx.doc
    lo, hi = ctx.sentences[k]
    outside = [j for j in range(lo, hi) if not ctx.inside[j] and j not in ctx.mark_tokens]
    if len(outside) < 3:
        return None
    a = outside[0]
    mood = None
    modal = False
    for j in outside[:10]:
        tok = doc[j]
        m = _mood(ctx, tok)
        if m:
            mood = m
            break
        if tok.lower_ in ctx.lex.reportative_modals and _is_finite(tok):
            modal = True
            mood = "Indikativ"
            break
        if _is_finite(tok) and tok.pos_ in ("VERB", "AUX"):
            return None
    if mood is None:
        return None
    distance = k - state.sentence
    carried = state.speaker is not None and distance >= 1
    if modal:
        # "So soll die Ukraine …": reportative after an attribution, opened by "So"/"Demnach", or
        # with a perfect infinitive / "sein" ("Er soll resistent sein", "soll geholfen haben")
        last = outside[-1] if doc[outside[-1]].is_punct is False else outside[-2]
        epistemic = doc[last].lower_ in ("haben", "sein", "gewesen")
        if not (carried and distance == 1) and doc[a].lower_ not in ("so", "demnach") and not epistemic:
            return None
    elif mood == "Konjunktiv II" and not (carried and distance == 1):
        return None  # Konjunktiv II is also the plain conditional: only right after an attribution
    if carried and distance <= (1 if mood == "Konjunktiv II" or modal else CARRY_SENTENCES):
        assert state.speaker is not None
        conf = CONF_CARRIED if distance == 1 else CONF_CARRIED_FAR
        speaker: _Speaker | None = _Speaker(state.speaker.span, state.speaker.actor_id, conf)
    else:
        speaker = None
    b = _clause_end_continuation(ctx, lo, hi)
    rule = "reportative-modal" if modal else "konjunktiv-continuation"
    cue_range = None
    if modal:
        j = next(j for j in outside if doc[j].lower_ in ctx.lex.reportative_modals)
        cue_range = (j, j + 1)
    found = _make(ctx, "reported", lo, b, None, speaker, rule, mood, cue_range)
    if speaker is None:
        found.confidence = CONF_NONE
    return found


def _clause_end_continuation(ctx: _Context, lo: int, hi: int) -> int:
    doc = ctx.doc
    for j in range(lo, hi):
        if not ctx.inside[j] and doc[j].text in ("–", "—", ";"):
            return j
    return hi


def _demonstrative_cue(
    ctx: _Context, k: int, cues: list[_Cue], state: _State, results: list[Found]
) -> Found | None:
    """ "Das teilte Trump … mit." / "Trump sagte dies …": the sentence reports the one before."""
    doc = ctx.doc
    lo, hi = ctx.sentences[k]
    for cue in cues:
        demo = doc[lo].lower_ in _DEMONSTRATIVES and cue.i <= lo + 2
        if not demo:
            demo = any(doc[j].lower_ in _DEMONSTRATIVES for j in range(cue.i + 1, min(cue.i + 3, hi)))
            demo = demo and doc[lo].lower_ not in _DEMONSTRATIVES
        if not demo:
            continue
        speaker = _speaker_of(ctx, cue)
        medium = _medium(ctx, cue.lo, cue.hi)
        # The sentence before already has an attribution of this speaker: add the medium to it.
        prev_lo, prev_hi = ctx.sentences[k - 1] if k > 0 else (0, 0)
        prev = [f for f in results if prev_lo <= _tok(doc, f.start) < prev_hi]
        if prev and speaker is not None and any(f.actor_id == speaker.actor_id for f in prev):
            for f in prev:
                if f.actor_id == speaker.actor_id and f.medium is None:
                    f.medium = medium
            return None
        if any(f.kind != "reported" for f in prev):
            return None  # "„…“ Das sagte X.": attributed by the quote itself
        found = _make(ctx, "reported", lo, hi, cue, speaker, "demonstrative-cue", None)
        found.mood = _mood(ctx, doc[cue.i]) or "Indikativ"
        return found
    return None


def sentences(doc: Doc, lexicon: CueLexicon | None = None) -> list[Span]:
    """The sentence split the rules use (quotations kept whole), for inspection and tests."""
    ctx = _Context(doc, lexicon or load_cues())
    return [doc[a:b] for a, b in ctx.sentences]


def iter_marks(doc: Doc) -> Iterable[QuoteMarks]:
    """The paired double-level quotation marks of ``doc``."""
    return (q for q in find_quote_marks(doc.text) if q.level == 1)
