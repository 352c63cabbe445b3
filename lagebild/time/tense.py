"""Past or future reference of a clause, from German verb forms (or spaCy morphology when parsed).

Only what the normalizer needs: does a weekday or a month without a year point back or ahead?
Future wins over past ("am Freitag ist ... geplant", "wird am Mittwoch ... reisen"), past wins over
present ("traf am Mittwoch"); a clause in the plain present ("trifft am Freitag") points ahead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from lagebild.time.patterns import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Tense", "clause_around", "tense_of"]

Tense = Literal["past", "present", "future"]

_WORD = re.compile(r"[^\W\d_]+")
# Clause breaks: commas, semicolons, colons and dashes separate reporting and reported verbs. Quotes
# and brackets do not: "haben am Samstag ... „Freiheit statt Angst“ ... demonstriert" is one clause.
_CLAUSE_BREAK = re.compile(r"[,;:–—]")
_PARTICIPLE = re.compile(r"^(?:\w*ge\w+(?:t|en)|\w+iert)$")
_DETERMINERS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "zum"}
    | {"zur", "im", "am", "beim", "vom", "ihre", "ihren", "seine", "seinen", "unsere", "diese", "dieser"}
    | {"diesen"}
)


def clause_around(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str:
    """The clause of ``text[sent_start:sent_end]`` that contains ``start..end``."""
    left = sent_start
    for match in _CLAUSE_BREAK.finditer(text, sent_start, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(text, end, sent_end)
    right = right_match.start() if right_match else sent_end
    return text[left:right]


def tense_of(clause: str, doc: Doc | None = None, char_span: tuple[int, int] | None = None) -> Tense | None:
    """``past``/``future``/``present`` from cue words; ``None`` when the clause has no finite verb cue.

    With a parsed ``doc`` and the clause's character range, ``Tense=Past`` on a verb counts as past.
    """
    lex = lexicon()
    words = _WORD.findall(clause)
    lowered = [w.lower() for w in words]
    if any(w in lex.tense_future for w in lowered):
        return "future"
    past = any(w in lex.tense_past for w in lowered)
    if not past:
        for i, word in enumerate(words):
            low = lowered[i]
            if (
                word[0].islower()
                and len(low) > 4
                and low.endswith(("te", "ten", "tet"))
                and low not in lex.not_preterite
                and (i == 0 or lowered[i - 1] not in _DETERMINERS)
            ):
                past = True
                break
    if not past and any(w in lex.perfect_aux for w in lowered):
        # Perfekt: the participle closes the clause ("hat ... telefoniert", "ist ... gereist").
        tail = [w for w in words if w[0].islower()][-1:]
        past = bool(tail) and bool(_PARTICIPLE.match(tail[0])) and tail[0] not in lex.perfect_aux
    if not past and doc is not None and char_span is not None:
        span = doc.char_span(char_span[0], char_span[1], alignment_mode="expand")
        if span is not None:
            past = any("Past" in tok.morph.get("Tense", []) for tok in span)
    if past:
        return "past"
    if any(w in ("ist", "sind", "kommt", "findet") for w in lowered) or len(words) > 2:
        return "present"
    return None
