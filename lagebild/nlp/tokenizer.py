"""German news tokenizer rules, applied to the pipeline's tokenizer before it is saved.

Everything here becomes serialized tokenizer data (special cases), so ``spacy.load`` needs no custom
code. spaCy's German defaults already keep "US-Präsident", "z.B.", "J.D.", "12.02.2025" whole and split
„…“ quotes, dashes and "(dpa/Red)"; the cases below add abbreviations frequent in news that the
defaults split off their period (which then looks like a sentence end).
"""

from __future__ import annotations

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

__all__ = ["NEWS_ABBREVIATIONS", "customize_tokenizer"]

#: Abbreviations that (almost) never end a sentence in news text; checked against spaCy 3.8 German
#: defaults, which split each of these into word + ".".
NEWS_ABBREVIATIONS: tuple[str, ...] = (
    "Ggf.",
    "Stv.",
    "stv.",
    "Abg.",
    "Lkr.",
    "Kap.",
    "Vors.",
    "Verf.",
    "Jhs.",
    "exkl.",
    "Ziff.",
    "Lt.",
    "Sen.",
    "Gouv.",
    "Kfm.",
)


def customize_tokenizer(nlp: Language) -> Language:
    """Add the news special cases to ``nlp.tokenizer`` (in place) and return ``nlp``."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer), "expects spaCy's rule-based tokenizer"
    for abbr in NEWS_ABBREVIATIONS:
        tokenizer.add_special_case(abbr, [{ORTH: abbr, NORM: abbr}])
    return nlp
