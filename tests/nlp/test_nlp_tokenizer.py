"""Tokenization of German news text, checked against UD German conventions."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from lagebild.nlp import DEFAULT_MODEL_PATH

CASES: list[tuple[str, list[str]]] = [
    ("US-Präsident Donald Trump telefonierte.", ["US-Präsident", "Donald", "Trump", "telefonierte", "."]),
    ("Trumps Vize J.D. Vance reist.", ["Trumps", "Vize", "J.D.", "Vance", "reist", "."]),
    ("Das gilt z.B. für Kiew.", ["Das", "gilt", "z.B.", "für", "Kiew", "."]),
    ("Sie sagte „in nicht allzu ferner Zukunft“ voraus.",
     ["Sie", "sagte", "„", "in", "nicht", "allzu", "ferner", "Zukunft", "“", "voraus", "."]),
    ("Am 12.02.2025 telefonierten sie.", ["Am", "12.02.2025", "telefonierten", "sie", "."]),
    ("Er kam – wie erwartet – zu spät.", ["Er", "kam", "–", "wie", "erwartet", "–", "zu", "spät", "."]),
    ("eine Krieg mit China zu verhindern. (dpa/Red)",
     ["eine", "Krieg", "mit", "China", "zu", "verhindern", ".", "(", "dpa", "/", "Red", ")"]),
    ("Die NATO-Mitgliedschaft der Ukraine", ["Die", "NATO-Mitgliedschaft", "der", "Ukraine"]),
    ("Es kostet 3,5 Mrd. Euro bzw. 10 %.", ["Es", "kostet", "3,5", "Mrd.", "Euro", "bzw.", "10", "%", "."]),
    ("Er ist stv. Vorsitzender, ggf. auch Abg. im Landtag.",
     ["Er", "ist", "stv.", "Vorsitzender", ",", "ggf.", "auch", "Abg.", "im", "Landtag", "."]),
    ("»Nein«, sagte er.", ["»", "Nein", "«", ",", "sagte", "er", "."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tokenizer(nlp: Language, text: str, expected: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == expected


def test_plain_spacy_load_has_same_tokenizer() -> None:
    # Tokenizer rules are serialized data: spacy.load without lagebild code gives the same tokens.
    plain = spacy.load(DEFAULT_MODEL_PATH, exclude=["tok2vec", "tagger", "morphologizer",
                                                    "trainable_lemmatizer", "parser", "ner"])
    text = "Ggf. trifft US-Präsident Trump am 12.02.2025 J.D. Vance."
    assert [t.text for t in plain.make_doc(text)] == [
        "Ggf.", "trifft", "US-Präsident", "Trump", "am", "12.02.2025", "J.D.", "Vance", ".",
    ]
