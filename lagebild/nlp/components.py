"""Rule components added by :func:`lagebild.nlp.load_pipeline` (not part of the serialized model).

``lagebild_sentence_fixes`` runs before the parser and marks tokens that must not start a sentence
(``is_sent_start = False``); spaCy's parser never opens a sentence on such a token. The committed
model does not list this component, so plain ``spacy.load`` works without lagebild code; only the
sentence boundaries of the cases below differ.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["CLOSING_QUOTES", "NO_BREAK_AFTER", "SENTENCE_FIXES", "fix_sentence_starts"]

SENTENCE_FIXES = "lagebild_sentence_fixes"

#: A closing quote right after sentence-final punctuation belongs to the sentence it closes
#: ("… übereingekommen.“ Es sollten …"); UD German GSD has almost no such quotes to learn from.
CLOSING_QUOTES = frozenset({"“", "”", "«", "»", '"', "‘", "’", "'"})
SENTENCE_FINAL = frozenset({".", "!", "?", "…", "..."})
#: Abbreviations after which a new sentence (practically) never starts in news text.
NO_BREAK_AFTER = frozenset(
    {
        "Nr.",
        "Dr.",
        "Prof.",
        "St.",
        "Str.",
        "z.B.",
        "bzw.",
        "vgl.",
        "ca.",
        "Abs.",
        "Art.",
        "Hl.",
        "Mio.",
        "Mrd.",
        "Jh.",
        "v.",
        "u.a.",
        "d.h.",
        "sog.",
        "Stv.",
        "stv.",
        "Abg.",
        "Gen.",
        "Sen.",
        "Gouv.",
    }
)
#: Initials such as "J.D." or "H." before a capitalised name.
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.){1,3}$")


def fix_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start = False`` where a sentence must not begin (before parsing)."""
    for i in range(1, len(doc)):
        tok = doc[i]
        prev = doc[i - 1]
        closes_quote = tok.text in CLOSING_QUOTES and prev.text in SENTENCE_FINAL and not prev.whitespace_
        after_abbreviation = prev.text in NO_BREAK_AFTER
        after_initials = bool(_INITIALS.match(prev.text)) and tok.text[:1].isupper()
        if closes_quote or after_abbreviation or after_initials:
            tok.is_sent_start = False
    return doc


@Language.component(SENTENCE_FIXES, assigns=["token.is_sent_start"])
def sentence_fixes_component(doc: Doc) -> Doc:
    return fix_sentence_starts(doc)
