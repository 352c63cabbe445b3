"""The spaCy component lagebild_time on spacy.blank("de") docs (no trained model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

import lagebild.time.component  # noqa: F401  (registers the factory)
from lagebild.records import Published, Timex


def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_time")
    return nlp


def _run(text: str, published: object) -> Doc:
    nlp = _nlp()
    doc = nlp.make_doc(text)
    if published is not None:
        doc.user_data["published"] = published
    return nlp(doc)


def test_factory_is_registered() -> None:
    assert "lagebild_time" in spacy.registry.factories.get_all()
    assert Span.has_extension("timex")


def test_spans_and_extension_from_iso_anchor() -> None:
    doc = _run("Trump sagte dies am Mittwoch. Am Freitag ist ein Treffen in München geplant.", "2025-02")
    spans = doc.spans["timexes"]
    assert [s.text for s in spans] == ["am Mittwoch", "Am Freitag"]
    assert [s.label_ for s in spans] == ["DATE", "DATE"]
    wednesday = spans[0]._.timex
    assert isinstance(wednesday, Timex)
    assert wednesday.value == "2025-02-XX"
    assert "2025-02-12" in wednesday.candidates
    assert wednesday.component == "lagebild.time.v1"


def test_published_record_and_article_id() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("Gestern hatte die Regierung getagt.")
    doc.user_data["published"] = Published.parse("2024-11-06")
    doc.user_data["article_id"] = "a1"
    doc = nlp(doc)
    (span,) = doc.spans["timexes"]
    assert span._.timex.value == "2024-11-05"
    assert span._.timex.article_id == "a1"
    assert (span.start_char, span.end_char) == (span._.timex.start, span._.timex.end)


def test_without_anchor_values_stay_open() -> None:
    doc = _run("Am Mittwoch sprach der Minister.", None)
    assert doc.spans["timexes"][0]._.timex.value == "XXXX-WXX-3"


def test_empty_doc_has_empty_span_group() -> None:
    doc = _run("Der Minister sprach mit Journalisten.", "2025-02")
    assert list(doc.spans["timexes"]) == []


def test_span_expands_to_token_boundaries() -> None:
    # "2014)" is one token for the blank German tokenizer only if it does not split the bracket;
    # either way the span must cover the timex.
    doc = _run("Die Krim (annektiert 2014) bleibt umstritten.", "2025-02")
    (span,) = doc.spans["timexes"]
    assert "2014" in span.text
    assert span._.timex.text == "2014"


def test_pipe_over_many_docs() -> None:
    nlp = _nlp()
    texts = ["Derzeit verhandeln die Parteien.", "Die Gespräche dauerten eineinhalb Stunden."] * 10
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        doc.user_data["published"] = "2025-02"
        docs.append(doc)
    values = [d.spans["timexes"][0]._.timex.value for d in nlp.pipe(docs)]
    assert values == ["PRESENT_REF", "PT1H30M"] * 10


def test_morphology_of_a_parsed_doc_decides_tense() -> None:
    # "schwamm" is in no cue list: only Tense=Past from the (hand-built) parse makes it past.
    nlp = _nlp()
    words = ["Am", "Mittwoch", "schwamm", "der", "Minister", "."]
    morphs = ["", "", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", "", "", ""]
    spaces = [True, True, True, True, False, False]
    parsed = Doc(nlp.vocab, words=words, spaces=spaces, morphs=morphs)
    parsed.user_data["published"] = "2025-02-13"  # a Thursday
    assert nlp(parsed).spans["timexes"][0]._.timex.value == "2025-02-12"

    plain = Doc(nlp.vocab, words=words, spaces=spaces)
    plain.user_data["published"] = "2025-02-13"
    assert nlp(plain).spans["timexes"][0]._.timex.value == "2025-02-19"
