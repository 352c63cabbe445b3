"""What the words around a mention say about it: sentence, clause role, grammatical features.

Reads the dependency parse when the doc has one (UD labels ``nsubj``/``case``/``nmod`` of the
Lagebild model, TIGER ``sb``/``ag`` too) and falls back on the neighbouring tokens when it has
none (``spacy.blank("de")``): a preceding preposition makes a place, a verb right after a
clause-initial name makes a subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from lagebild.link.lexicon import Features, Lexicon

__all__ = ["DETERMINERS", "POSSESSIVE_FORMS", "ClauseRole", "DocView"]

DETERMINERS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines"]
)
POSSESSIVE_FORMS = {
    f"{stem}{ending}": stem for stem in ("sein", "ihr") for ending in ("", "e", "em", "en", "er", "es")
}
# Tokens after which a name starts a clause ("„Die Vereinigten Staaten glauben …", "dass Russland").
_CLAUSE_OPENERS = frozenset(
    [
        ",",
        "„",
        "“",
        '"',
        "(",
        ":",
        ";",
        "–",
        "-",
        "»",
        "«",
        "‚",
        "und",
        "dass",
        "weil",
        "ob",
        "wenn",
        "wie",
        "als",
        "da",
        "nachdem",
        "obwohl",
        "sodass",
        "damit",
        "so",
        "doch",
        "aber",
        "denn",
    ]
)
# Lower-case words that are not finite verbs (a lower-case word after a clause-initial name is
# read as its verb otherwise: "Moskau teilte mit").
_NOT_VERBS = frozenset(
    [
        "und",
        "oder",
        "aber",
        "sowie",
        "auch",
        "nicht",
        "sich",
        "noch",
        "bereits",
        "schon",
        "dass",
        "als",
        "wie",
        "mit",
        "für",
        "ohne",
        "unter",
        "laut",
        "zu",
        "es",
        "sowohl",
        "weder",
        "entweder",
        "nur",
        "erst",
        "jedoch",
        "allerdings",
        "zudem",
        "ebenfalls",
        "selbst",
        "etwa",
        "rund",
        "knapp",
        "mehr",
    ]
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "sb", "sbp"})
_GENITIVE_DEPS = frozenset({"nmod", "nmod:poss", "det:poss", "ag", "pg"})
_OBJECT_DEPS = frozenset({"obj", "iobj", "dobj", "oa", "da", "oa2"})

Role = Literal["agent", "place", "genitive", "other", "object"]


@dataclass(frozen=True)
class ClauseRole:
    """How a mention sits in its clause: ``agent`` (subject or source of a statement), ``place``
    (object of a spatial preposition), ``genitive`` (possessor of a noun), ``object`` (object of a
    verb without a preposition: "warf Moskau Aggression vor"), else ``other``; ``verb`` the
    governing verb (lemma or lower-case form) for agents and objects."""

    role: Role
    verb: str | None = None


class DocView:
    """A doc with sentence ids per token and the clause-role and feature readers the linker uses."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.parsed = doc.has_annotation("DEP")
        self.has_morph = doc.has_annotation("MORPH")
        self.sent = _sentence_ids(doc)
        # plain lists: iterating a Doc creates a Token object per access
        self.texts = [t.text for t in doc]
        self.lowers = [t.lower() for t in self.texts]
        self.spaces = [t.is_space for t in doc]
        # tokens of names (set by the linker): a name before a verb is that verb's subject, so a
        # name after the verb is its object ("Scholz besuchte Moskau"), not an inverted subject
        self.name_tokens: set[int] = set()

    # ------------------------------------------------------------------------------ navigation

    def prev(self, i: int) -> int | None:
        """The previous non-space token of the same sentence."""
        j = i - 1
        while j >= 0 and self.spaces[j]:
            j -= 1
        return j if j >= 0 and self.sent[j] == self.sent[i] else None

    def next(self, i: int) -> int | None:
        """The next non-space token of the same sentence."""
        j = i + 1
        while j < len(self.spaces) and self.spaces[j]:
            j += 1
        return j if j < len(self.spaces) and self.sent[j] == self.sent[i] else None

    def before_determiners(self, start: int) -> int | None:
        """Index of the word before a mention and its determiners ("aus [dem] Kreml" -> "aus")."""
        j = self.prev(start)
        while j is not None and self.lowers[j] in DETERMINERS:
            j = self.prev(j)
        return j

    def clause_initial(self, start: int) -> bool:
        j = self.before_determiners(start)
        return j is None or self.lowers[j] in _CLAUSE_OPENERS

    # ------------------------------------------------------------------------------ clause role

    def clause_role(self, start: int, end: int) -> ClauseRole:
        """Agent, place, genitive or other: the parse first, then neighbouring tokens."""
        if self.parsed:
            found = self._role_from_parse(start, end)
            if found.role != "other":
                return found
        return self._role_from_tokens(start, end)

    def _role_from_parse(self, start: int, end: int) -> ClauseRole:
        root = self.doc[start:end].root
        while (
            root.dep_ == "conj" and root.head.i < root.i
        ):  # "Paris und Berlin würden": the first conjunct's role
            root = root.head
        cases = [c for c in root.children if c.dep_ == "case"]
        if not cases and root.head.pos_ == "ADP" and root.head.i < start:
            cases = [root.head]  # TIGER: the preposition heads the noun
        if cases:
            prep = cases[0].lower_
            if prep == "aus" and self._source_verb_near(end):
                return ClauseRole("agent", _verb_form(root.head))
            if prep in self.lex.place_prepositions:
                return ClauseRole("place")
            return ClauseRole("other")
        if root.dep_ in _SUBJECT_DEPS:
            return ClauseRole("agent", _verb_form(root.head))
        if root.dep_ in _GENITIVE_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < start:
            return ClauseRole("genitive")
        if root.dep_ in _OBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
            return ClauseRole("object", _verb_form(root.head))
        return ClauseRole("other")

    def _role_from_tokens(self, start: int, end: int) -> ClauseRole:
        doc = self.doc
        j = self.before_determiners(start)
        if j is not None and doc[j].lower_ in self.lex.place_prepositions:
            if doc[j].lower_ == "aus" and self._source_verb_near(end):
                return ClauseRole("agent", "heißen")
            return ClauseRole("place")
        last = doc[end - 1].text
        p = self.prev(start)
        if last.endswith("s") and p is not None:
            if doc[p].lower_ == "des":  # "Repräsentanten des Weißen Hauses"
                return ClauseRole("genitive")
            noun = doc[p].text[:1].isupper() and doc[p].pos_ in ("", "NOUN")
            if noun and self.prev(p) is not None:  # "Nach Darstellung Moskaus" (not sentence-initial)
                return ClauseRole("genitive")
        k = self.next(end - 1)
        if self.clause_initial(start) and k is not None and _verb_like(doc[k]):
            return ClauseRole("agent", doc[k].lower_)
        if j is not None and _verb_like(doc[j]) and self._verb_second(j):
            return ClauseRole("agent", doc[j].lower_)  # "Derzeit kontrolliert Russland"
        if k is not None and self.lowers[k] in _CONJUNCTIONS and self.clause_initial(start):
            # "Washington und Peking warfen …": a first conjunct before the verb is an agent too
            m = self.next(k)
            steps = 0
            while (
                m is not None and steps < 4 and (self.texts[m][:1].isupper() or self.lowers[m] in DETERMINERS)
            ):
                m, steps = self.next(m), steps + 1
            if m is not None and steps and _verb_like(doc[m]):
                return ClauseRole("agent", doc[m].lower_)
        if j is not None and _verb_like(doc[j]) and j == start - 1:
            # right after a verb that is not in second position: its object ("Poroschenko warf
            # Moskau Aggression vor") or an inverted subject after a long first constituent
            # ("Nach der Tötung Soleimanis drohte Teheran") — either way not a bare place. Without
            # POS an adverb looks like a verb ("besuchte gestern Moskau"): the verb is read from
            # the lower-case words before the name.
            words = [doc[j].lower_]
            q = self.prev(j)
            while q is not None and len(words) < 3 and _verb_like(doc[q]):
                words.append(self.lowers[q])
                q = self.prev(q)
            return ClauseRole("object", " ".join(words))
        return ClauseRole("other")

    def _verb_second(self, j: int) -> bool:
        """Whether token ``j`` can be the finite verb of an inverted main clause: first in its
        clause, or after one capitalized word that is not a name ("Derzeit kontrolliert …", "Das
        bestätigte …", "Am Mittwoch kritisierte …"; not "Scholz besuchte gestern …", not "Putin habe
        Trump …")."""
        p = self.prev(j)
        if p is None or self.lowers[p] in _CLAUSE_OPENERS:
            return True
        if not self.texts[p][:1].isupper() or p in self.name_tokens:
            return False
        q = self.prev(p)
        if q is None or self.lowers[q] in _CLAUSE_OPENERS:
            return True
        # a two-word first constituent: "Am Mittwoch kritisierte Peking …"
        r = self.prev(q)
        short = self.lowers[q] in DETERMINERS or self.lowers[q] in self.lex.place_prepositions
        return short and (r is None or self.lowers[r] in _CLAUSE_OPENERS)

    def _source_verb_near(self, end: int, window: int = 4) -> bool:
        k: int | None = end - 1
        for _ in range(window):
            k = self.next(k) if k is not None else None
            if k is None:
                return False
            if (
                self.doc[k].lower_ in self.lex.source_verbs
                or self.doc[k].lemma_.lower() in self.lex.source_verbs
            ):
                return True
        return False

    def place_object(self, verb: str | None) -> bool:
        """Whether a verb takes a place as its object ("besuchte Moskau"), not a government."""
        if not verb:
            return False
        low = verb.lower()
        return any(low.startswith(stem) or stem in low for stem in self.lex.place_object_verbs)

    def state_action(self, verb: str | None) -> bool:
        """Whether a verb makes a state's subject the territory/military power, not the government."""
        if not verb:
            return False
        low = verb.lower()
        return any(low.startswith(stem) or stem in low for stem in self.lex.state_action_verbs)

    # ------------------------------------------------------------------------------ features

    def is_subject(self, start: int, end: int) -> bool:
        """Subject by the parse; without one, only a clause-initial name before a verb (an inverted
        "sagte Hegseth" is left out: "Putin habe Trump eingeladen" has two such readings)."""
        if self.parsed:
            return self.doc[start:end].root.dep_ in _SUBJECT_DEPS
        k = self.next(end - 1)
        return self.clause_initial(start) and k is not None and _verb_like(self.doc[k])

    def morph_features(self, token: Token) -> Features:
        if not self.has_morph:
            return Features()
        gender = token.morph.get("Gender", [])
        number = token.morph.get("Number", [])
        return Features(frozenset(gender), frozenset(number))


_CONJUNCTIONS = frozenset({"und", "sowie", "oder"})


def _verb_form(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


def _verb_like(token: Token) -> bool:
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    text = token.text
    return text.isalpha() and text.islower() and text not in _NOT_VERBS and text not in DETERMINERS


def _sentence_ids(doc: Doc) -> list[int]:
    """Sentence index of every token: the doc's sentences when set, else split at . ! ? and blank lines."""
    ids = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                ids[i] = n
        return ids
    n = 0
    ended = False
    for i, token in enumerate(doc):
        if ended and not token.is_space:
            n += 1
            ended = False
        ids[i] = n
        if token.text in (".", "!", "?") or (token.is_space and "\n" in token.text):
            ended = True
    return ids
