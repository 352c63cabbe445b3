from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.contract import schema, validate
from lagebild.errors import LagebildError
from lagebild.records import Analysis, Article, Mention, Quote

TEXT = "„Wir bleiben dabei“, sagte Außenministerin Annalena Baerbock am Dienstag in Berlin."


def _at(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _analysis() -> Analysis:
    article = Article.from_text(TEXT, published="2024-03-05", source="test")
    speaker = article.span(*_at("Annalena Baerbock"))
    quote = Quote(
        article.id,
        *_at("Wir bleiben dabei"),
        "Wir bleiben dabei",
        "direct",
        "test.quotes@1",
        speaker=speaker,
        cue=article.span(*_at("sagte")),
    )
    mentions = (
        Mention(article.id, *_at("Annalena Baerbock"), "Annalena Baerbock", "PER", "test.ner@1"),
        Mention(article.id, *_at("Berlin"), "Berlin", "LOC", "test.ner@1"),
    )
    return Analysis(article=article, entities=mentions, quotes=(quote,), components=("test.ner@1",))


def test_schema_is_shipped_and_versioned() -> None:
    assert schema()["title"].endswith("contract v1")


def test_valid_analysis_passes() -> None:
    data = _analysis().to_json()
    assert TEXT[data["quotes"][0]["start"] : data["quotes"][0]["end"]] == "Wir bleiben dabei"
    validate(data)
    validate(json.loads(json.dumps(data)))


def test_wrong_offsets_are_caught() -> None:
    data = _analysis().to_json()
    data["entities"][1]["start"] += 1
    with pytest.raises(LagebildError, match="entities/1"):
        validate(data)


def test_missing_field_is_caught() -> None:
    data = _analysis().to_json()
    del data["article"]["published"]
    with pytest.raises(LagebildError) as info:
        validate(data)
    assert info.value.code == "E401"


def test_bad_granularity_is_caught() -> None:
    data = _analysis().to_json()
    data["article"]["published"]["granularity"] = "week"
    with pytest.raises(LagebildError):
        validate(data)


def test_schema_file_matches_docs() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "contract.md").read_text(encoding="utf-8")
    for key in schema()["$defs"]["article"]["required"]:
        assert f"`{key}`" in docs
