"""The seed article: every person and place of its gold reading is recognised (needs ../shared)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

PERSONS = ["Donald Trump", "Wladimir Putin", "Wolodymyr Selenskyj", "J.D. Vance", "Scott Bessent",
           "Dmitri Peskow", "Pete Hegseth"]
PLACES = ["Ukraine", "Saudi-Arabien", "Moskau", "Kiew", "Brüssel", "Washington", "Russland", "Krim",
          "Europa", "China"]
HEADER = re.compile(r"^\s*date\s+\S+\s+")


@pytest.fixture(scope="module")
def seed_doc(nlp: Language, seed_path: Path) -> Doc:
    text = HEADER.sub("", seed_path.read_text(encoding="utf-8"), count=1)
    assert text.startswith("US-Präsident Donald Trump")
    return nlp(text)


@pytest.mark.eval
@pytest.mark.parametrize("name", PERSONS)
def test_seed_person_found(seed_doc: Doc, name: str) -> None:
    found = {e.text for e in seed_doc.ents if e.label_ == "PER"}
    assert name in found, f"{name!r} not found as PER; PER entities: {sorted(found)}"


@pytest.mark.eval
@pytest.mark.parametrize("name", PLACES)
def test_seed_place_found(seed_doc: Doc, name: str) -> None:
    found = {e.text for e in seed_doc.ents if e.label_ == "LOC"}
    assert name in found, f"{name!r} not found as LOC; LOC entities: {sorted(found)}"


@pytest.mark.eval
def test_seed_sentences_do_not_break_names(seed_doc: Doc) -> None:
    for ent in seed_doc.ents:
        assert ent.sent == seed_doc[ent.end - 1].sent, f"entity {ent.text!r} crosses a sentence boundary"
