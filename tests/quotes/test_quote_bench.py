"""The quote speed benchmark runs on the bundled samples and reports the component's share."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.nlp import model_path


@pytest.mark.skipif(not (model_path(None) / "meta.json").is_file(), reason="no trained model committed")
def test_bench_reports_share_of_pipeline() -> None:
    from lagebild.quotes.bench import bench_quotes

    result = bench_quotes(repeat=1)
    assert result["docs"] == 17  # the bundled samples (the RSS and JSONL files hold several)
    assert result["found_per_doc"] > 1  # the samples quote people: the component really ran
    assert 0 < result["quotes_ms_per_doc"] < result["pipeline_without_quotes_ms_per_doc"]
    assert result["quotes_share_of_pipeline"] == pytest.approx(
        result["quotes_ms_per_doc"] / result["pipeline_without_quotes_ms_per_doc"], abs=0.01
    )


@pytest.mark.skipif(not (model_path(None) / "meta.json").is_file(), reason="no trained model committed")
def test_bench_quotes_cli_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench-quotes.json"
    result = CliRunner().invoke(app, ["bench", "quotes", "--repeat", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["docs"] == 17 and 0 < data["quotes_share_of_pipeline"] < 1


def test_bench_quotes_cli_names_a_missing_corpus(tmp_path: Path) -> None:
    missing = tmp_path / "nirgends.jsonl"
    result = CliRunner().invoke(
        app, ["bench", "quotes", "--corpus", str(missing), "--out", str(tmp_path / "x")]
    )
    assert result.exit_code != 0
    assert "E109" in result.output and "nirgends.jsonl" in result.output
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("leer.jsonl", '{"id": 1}\n', ("E102", "leer.jsonl", "no article text")),  # no originalText/text
        (
            "kaputt.jsonl",
            '{"text": "Er sagte, es sei gut."}\n{kaputt\n',
            ("E106", "kaputt.jsonl:line 2", "malformed JSON"),
        ),
    ],
)
def test_bench_quotes_cli_names_a_bad_corpus(
    tmp_path: Path, name: str, content: str, expected: tuple[str, ...]
) -> None:
    corpus = tmp_path / name
    corpus.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["bench", "quotes", "--corpus", str(corpus), "--out", str(tmp_path / "x")]
    )
    assert result.exit_code != 0
    output = " ".join(result.output.split())  # the console may wrap a long line
    assert all(part in output for part in expected), output
    assert not (tmp_path / "x").exists()
