"""Rule components added by :func:`lagebild.nlp.load_pipeline` (not part of the serialized model).

``lagebild_sentence_fixes`` runs before the parser and marks tokens that must not start a sentence
(``is_sent_start = False``); spaCy's parser never opens a sentence on such a token.

``lagebild_lemma_lookup`` runs after the edit-tree lemmatizer: a word form whose (lower-cased form,
predicted UPOS) was seen in the UD training part with one lemma (>= 90 % of its occurrences) gets
that lemma. The table is built by ``training/build_lemma_lookup.py`` from the training part only and
stored in the model's vocab lookups (table :data:`LEMMA_TABLE`, serialized with the vocab); a model
without the table is left unchanged. The edit-tree lemmatizer alone does not reproduce irregular
forms seen once in training ("starb" -> "sterben") nor all sentence-initial capitals ("Mehrere").

The committed model does not list these components, so plain ``spacy.load`` works without lagebild
code; only the sentence boundaries of the cases below and the lemmas of the table's words differ.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "CLOSING_QUOTES",
    "LEMMA_LOOKUP",
    "LEMMA_TABLE",
    "NO_BREAK_AFTER",
    "SENTENCE_FIXES",
    "fix_sentence_starts",
    "lemma_key",
    "lookup_lemmas",
]

SENTENCE_FIXES = "lagebild_sentence_fixes"
LEMMA_LOOKUP = "lagebild_lemma_lookup"
#: Name of the lemma table in ``nlp.vocab.lookups`` (keys: :func:`lemma_key`).
LEMMA_TABLE = "lagebild_lemma_lookup"

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


def lemma_key(form: str, upos: str) -> str:
    """Key of the lemma table: UPOS and lower-cased form."""
    return f"{upos}\t{form.lower()}"


def lookup_lemmas(doc: Doc) -> Doc:
    """Overwrite lemmas of word forms seen in the UD training part with one lemma (see module doc)."""
    vocab = doc.vocab
    if not vocab.lookups.has_table(LEMMA_TABLE):
        return doc
    table = vocab.lookups.get_table(LEMMA_TABLE)
    for tok in doc:
        lemma = table.get(lemma_key(tok.text, tok.pos_))
        if lemma is not None:
            tok.lemma_ = lemma
    return doc


@Language.component(LEMMA_LOOKUP, assigns=["token.lemma"], requires=["token.pos"])
def lemma_lookup_component(doc: Doc) -> Doc:
    return lookup_lemmas(doc)
