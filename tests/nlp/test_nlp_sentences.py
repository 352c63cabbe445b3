"""Sentence boundaries from the trained parser: no split after initials or "Nr."."""

from __future__ import annotations

from spacy.language import Language


def _sents(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_no_split_after_initials(nlp: Language) -> None:
    text = ("Am Freitag ist ein Treffen von Selenskyj und Trumps Vize J.D. Vance geplant. "
            "Die Ergebnisse sind offen.")
    assert _sents(nlp, text) == [
        "Am Freitag ist ein Treffen von Selenskyj und Trumps Vize J.D. Vance geplant.",
        "Die Ergebnisse sind offen.",
    ]


def test_no_split_after_nr(nlp: Language) -> None:
    text = "Der Antrag Nr. 5 wurde abgelehnt. Die Opposition protestierte."
    assert _sents(nlp, text) == ["Der Antrag Nr. 5 wurde abgelehnt.", "Die Opposition protestierte."]


def test_splits_news_paragraph(nlp: Language) -> None:
    text = ("Der Kreml bestätigte, dass das Telefonat eineinhalb Stunden gedauert hatte. Die beiden "
            "verständigten sich demnach auf eine enge Zusammenarbeit und ein baldiges persönliches Treffen. "
            "Trump sprach danach auch mit dem ukrainischen Präsidenten Wolodymyr Selenskyj.")
    sents = _sents(nlp, text)
    assert len(sents) == 3
    assert sents[2].startswith("Trump sprach")


def test_quote_stays_in_sentence(nlp: Language) -> None:
    text = "„Wir sind übereingekommen, sehr eng zusammenzuarbeiten“, schrieb Trump. Putin schwieg."
    assert _sents(nlp, text) == [
        "„Wir sind übereingekommen, sehr eng zusammenzuarbeiten“, schrieb Trump.",
        "Putin schwieg.",
    ]
