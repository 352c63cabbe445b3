"""``lagebild export`` is a thin wrapper over ``lagebild.export.export``."""

from __future__ import annotations

import json
from pathlib import Path

from api.fixtures import KB
from typer.testing import CliRunner

from lagebild.cli import app


def test_export_command(kb: KB, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    result = CliRunner().invoke(
        app, ["export", "--format", "plover", "--out", str(out), "--db", kb.url, "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"] == {"records": 2}
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2


def test_export_command_parquet_folder(kb: KB, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--format", "parquet", "--out", str(tmp_path / "t"), "--db", kb.url]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [
        "articles.parquet",
        "entities.parquet",
        "events.parquet",
        "quotes.parquet",
        "timexes.parquet",
    ]


def test_export_command_rejects_unknown_format(kb: KB, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--format", "xml", "--out", str(tmp_path / "x"), "--db", kb.url]
    )
    assert result.exit_code == 2
