"""The quote speed benchmark runs on the bundled samples and reports the component's share."""

from __future__ import annotations

import pytest

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
