"""Lemma lookup (``lagebild_lemma_lookup``): UD-training word forms keep their training lemma."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.nlp import add_rule_components
from lagebild.nlp.components import LEMMA_LOOKUP, LEMMA_TABLE, lemma_key, lookup_lemmas


def _doc(words: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    nlp = spacy.blank("de")
    return Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas)


def test_lookup_overwrites_by_form_and_pos() -> None:
    doc = _doc(["Mehrere", "zogen", "zogen"], ["DET", "VERB", "NOUN"], ["Mehrere", "zogen", "Zog"])
    doc.vocab.lookups.add_table(LEMMA_TABLE, {lemma_key("mehrere", "DET"): "mehrere",
                                              lemma_key("zogen", "VERB"): "ziehen"})
    lookup_lemmas(doc)
    assert [t.lemma_ for t in doc] == ["mehrere", "ziehen", "Zog"]  # NOUN "zogen" is not in the table


def test_no_table_leaves_lemmas() -> None:
    doc = _doc(["Mehrere"], ["DET"], ["Mehrere"])
    assert [t.lemma_ for t in lookup_lemmas(doc)] == ["Mehrere"]


def test_component_added_only_with_table() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("trainable_lemmatizer")
    assert LEMMA_LOOKUP not in add_rule_components(nlp).pipe_names
    nlp.vocab.lookups.add_table(LEMMA_TABLE, {})
    assert add_rule_components(nlp).pipe_names == ["trainable_lemmatizer", LEMMA_LOOKUP]

