"""Seed format and plain text: header dates, credits, subheadings, offsets, the seed article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lagebild.errors import LagebildError
from lagebild.ingest import read
from lagebild.ingest.layout import looks_like_heading
from lagebild.ingest.seed import is_seed, parse_plain, parse_seed, parse_txt
from lagebild.records import Article

from .conftest import SHARED
from .texts import SEED_ARTICLE

SEED = SHARED / "seeds" / "000_fab17a2d26c07ddf.txt"
SEED_GOLD = SHARED / "seeds" / "000_fab17a2d26c07ddf.gold.yaml"
SEED_SUBHEADINGS = [
    "Ein „langes und sehr produktives“ Telefonat",
    "Putin lädt Trump nach Moskau ein",
    "Die Bedingungen der Amerikaner für einen Friedensdeal",
    "Die Botschaft der USA an die NATO und Europa",
]


def assert_offsets(article: Article) -> None:
    for span in (*article.paragraphs, *article.subheadings):
        assert article.text[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
    assert article.lead == article.paragraphs[0]
    ordered = sorted((*article.paragraphs, *article.subheadings), key=lambda s: s.start)
    assert "\n\n".join(s.text for s in ordered) == article.text


@pytest.mark.parametrize(
    ("header", "value", "granularity"),
    [
        (" date 2025 ", "2025", "year"),
        (" date 2025-03 ", "2025-03", "month"),
        (" date 2025-3 ", "2025-03", "month"),
        (" date 2025-03-04 ", "2025-03-04", "day"),
        ("date 2024-12-16 ", "2024-12-16", "day"),
    ],
)
def test_header_date_keeps_granularity(header: str, value: str, granularity: str) -> None:
    article = parse_seed(header + "Der Bundestag hat am Dienstag über den Haushalt beraten.")
    assert article.published is not None
    assert (article.published.value, article.published.granularity) == (value, granularity)
    assert article.text == "Der Bundestag hat am Dienstag über den Haushalt beraten."
    assert "date" not in article.text


@pytest.mark.parametrize(
    ("ending", "credit", "last_words"),
    [
        ("zu verhindern. (dpa/Red)", "dpa/Red", "zu verhindern."),
        ("zu verhindern. (dpa)", "dpa", "zu verhindern."),
        ("zu verhindern. (AFP/Reuters/Red)", "AFP/Reuters/Red", "zu verhindern."),
        ("zu verhindern. (dpa, AFP)", "dpa, AFP", "zu verhindern."),
        ("zu verhindern.\n(KNA)", "KNA", "zu verhindern."),
        ("zu verhindern.\n\n(epd)", "epd", "zu verhindern."),
        ("„Das ist falsch“, sagte er. (dpa/lby)", "dpa/lby", "sagte er."),
        # Party labels after a name are part of the sentence, not a credit.
        ("sagte Lars Klingbeil (SPD).", None, "Klingbeil (SPD)."),
        ("zu verhindern.", None, "zu verhindern."),
    ],
)
def test_credit_variants(ending: str, credit: str | None, last_words: str) -> None:
    article = parse_seed(" date 2025-02 Die Regierung will einen Krieg mit China " + ending)
    assert article.credit == credit
    assert article.text.endswith(last_words)
    assert_offsets(article)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Merz reist nach Paris", True),
        ("Ein „langes und sehr produktives“ Telefonat", True),
        ("Kritik aus Thüringen", True),
        ("Das ist alles.", False),
        ("Kurz.", False),
        ("Wie geht es weiter?", False),
        ("„Wir schaffen das“", False),
        ("Die Lage ist ernst:", False),
        ("und dann kam alles anders", False),  # lower-case start: a broken sentence, not a heading
        (
            "Ein sehr langer Satz ohne Punkt am Ende der aber trotzdem kein Zwischentitel ist weil er lang",
            False,
        ),
        ("Wort " * 13, False),
        ("2025", False),
    ],
)
def test_heading_rule(line: str, heading: bool) -> None:
    assert looks_like_heading(line) is heading


def test_seed_article_layout() -> None:
    article = parse_seed(SEED_ARTICLE, source="bundesrat.txt")
    assert article.published is not None and article.published.value == "2025-03-21"
    assert article.credit == "dpa/Red"
    assert article.title is None
    assert [s.text for s in article.subheadings] == ["Kritik aus Thüringen", "Wie geht es weiter"]
    # "Kurz." is short but ends with a period: a paragraph, not a subheading.
    assert "Kurz." in [p.text for p in article.paragraphs]
    assert len(article.paragraphs) == 5
    assert article.lead is not None and article.lead.text.startswith("Der Bundesrat hat")
    assert article.text.endswith("hieß es aus dem Bundespräsidialamt.")
    assert_offsets(article)


@pytest.mark.parametrize(
    "bad", [" date 2025-13 Text des Artikels.", " date 2025-02-30 Text.", " date 20x5 Text."]
)
def test_invalid_header_date_names_the_file(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "kaputtes_datum.txt"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(path))
    assert info.value.code == "E101"
    assert info.value.source == str(path)
    assert "kaputtes_datum.txt" in str(info.value)


def test_plain_text_title_when_headline() -> None:
    text = "Merz reist nach Paris\n\nKanzler Friedrich Merz ist nach Paris gereist.\n\nDort traf er Macron."
    article = parse_txt(text)
    assert article.title == "Merz reist nach Paris"
    assert article.published is None
    assert article.text == "Kanzler Friedrich Merz ist nach Paris gereist.\n\nDort traf er Macron."
    assert_offsets(article)


def test_plain_text_title_on_line_before_lead() -> None:
    article = parse_plain("Gipfel in Brüssel\nDie EU hat sich geeinigt.\n\nMehr folgt.")
    assert article.title == "Gipfel in Brüssel"
    assert article.lead is not None and article.lead.text == "Die EU hat sich geeinigt."


def test_plain_text_without_headline() -> None:
    text = "Bundeskanzler Friedrich Merz ist nach Paris gereist.\n\nDort traf er Macron."
    article = parse_txt(text)
    assert article.title is None
    assert article.text == text
    assert not is_seed(text)


def test_plain_text_credit() -> None:
    article = parse_plain("Die Koalition streitet über den Haushalt. (dpa)")
    assert article.credit == "dpa"
    assert article.text == "Die Koalition streitet über den Haushalt."


def test_windows_line_ends_and_blank_line_runs() -> None:
    text = " date 2025-01 Lead.\r\n\r\n\r\n  \r\nZwischentitel hier\r\n\r\nAbsatz zwei. (dpa)\r\n"
    article = parse_seed(text)
    assert article.text == "Lead.\n\nZwischentitel hier\n\nAbsatz zwei."
    assert [s.text for s in article.subheadings] == ["Zwischentitel hier"]
    assert_offsets(article)


def test_reread_gives_same_id(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(SEED_ARTICLE, encoding="utf-8")
    first = next(read(path))
    second = next(read(path))
    assert first == second
    # The article text written to a plain .txt (no header, no credit) is the same article.
    plain = tmp_path / "nur_text.txt"
    plain.write_text(first.text, encoding="utf-8")
    again = next(read(plain))
    assert again.id == first.id
    assert [s.text for s in again.subheadings] == [s.text for s in first.subheadings]


def test_json_round_trip_keeps_offsets() -> None:
    article = parse_seed(SEED_ARTICLE, source="x.txt")
    back = Article.from_json(article.to_json())
    assert back.paragraphs == article.paragraphs
    assert back.subheadings == article.subheadings
    assert back.id == article.id


# --- the seed article (needs ../shared) ----------------------------------------------------------


def _seed_or_skip() -> Path:
    if not SEED.is_file():
        pytest.skip(f"../shared is absent ({SHARED}): the seed article and its gold are not available")
    return SEED


@pytest.mark.eval
def test_seed_article_structure() -> None:
    article = next(read(_seed_or_skip()))
    assert article.published is not None
    assert (article.published.value, article.published.granularity) == ("2025-02", "month")
    assert article.credit == "dpa/Red"
    assert article.title is None
    assert [s.text for s in article.subheadings] == SEED_SUBHEADINGS
    assert len(article.paragraphs) == 15
    assert article.text.startswith("US-Präsident Donald Trump hat mit russischem Präsidenten")
    assert article.text.endswith("einen Krieg mit China zu verhindern.")
    assert "(dpa/Red)" not in article.text and "date 2025" not in article.text
    assert_offsets(article)


def _gold_spans(gold: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, span) for every span-like value in the gold: the strings the article must contain."""
    found: list[tuple[str, str]] = []
    for quote in gold.get("quotes") or []:
        found.append(("quotes.text", quote["text"]))
    for item in gold.get("reported") or []:
        found.append(("reported.span", item["span"]))
    for event in gold.get("events") or []:
        found.append(("events.evidence", event["evidence"]))
    for timex in gold.get("timex") or []:
        found.append(("timex.span", timex["span"]))
    for actor in gold.get("actors") or []:
        found.extend((f"actors.{actor['id']}.mentions", m) for m in actor.get("mentions") or [])
    for place in gold.get("places") or []:
        found.append(("places.span", place["span"]))
    for key in ("demonyms", "claims"):
        for item in gold.get(key) or []:
            for field in ("span", "evidence"):
                if isinstance(item.get(field), str):
                    found.append((f"{key}.{field}", item[field]))
    return found


@pytest.mark.eval
def test_seed_gold_spans_are_substrings_of_text() -> None:
    yaml = pytest.importorskip("yaml")
    _seed_or_skip()
    if not SEED_GOLD.is_file():
        pytest.skip(f"seed gold missing: {SEED_GOLD}")
    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))
    article = next(read(SEED))
    spans = _gold_spans(gold)
    assert len(spans) > 50
    missing = [(where, span) for where, span in spans if span not in article.text]
    assert not missing, f"gold spans not found in article.text: {missing}"
    assert [s.text for s in article.subheadings] == gold["article"]["subheadings"]
    assert len(article.paragraphs) == gold["article"]["paragraphs"]
    assert article.credit == gold["article"]["credit"]


@pytest.mark.eval
def test_bundled_seed_copy_is_the_seed(samples: Path) -> None:
    shared_seed = next(read(_seed_or_skip()))
    bundled = next(read(samples / "000_fab17a2d26c07ddf.txt"))
    assert bundled.id == shared_seed.id
