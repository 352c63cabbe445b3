"""Schemathesis against the served ``/openapi.json``: every check, every phase, zero failures.

Runs the ``schemathesis`` command line on a server with its own knowledge base (the run posts
articles) and the write token, bounded by ``--max-examples`` (about 30 seconds).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.settings import Settings

from .fixtures import API_TOKEN, run_server
from .seed_kb import TRUMP, build_kb, time_nlp

MAX_EXAMPLES = 10
MAX_SECONDS = 300  # the run takes about 30 s


def _cli() -> list[str]:
    found = shutil.which("schemathesis") or shutil.which("st")
    if found:
        return [found]
    script = Path(sys.executable).with_name("schemathesis")
    if script.exists():
        return [str(script)]
    pytest.skip("schemathesis is not installed (pip install schemathesis)")


@pytest.fixture
def fuzz_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    db = tmp_path / "fuzz.db"
    ids = build_kb(db)
    with run_server(Settings(db=f"sqlite:///{db}"), nlp=time_nlp(), api_token=API_TOKEN) as url:
        yield url, ids


def test_schemathesis_finds_no_failures(fuzz_server: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    url, ids = fuzz_server
    config = tmp_path / "schemathesis.toml"
    # Known ids, so the detail endpoints are exercised beyond 404.
    config.write_text(
        f'[parameters]\n"path.actor_id" = "{TRUMP}"\n"path.article_id" = "{ids["seed"]}"\n', encoding="utf-8"
    )
    command = [
        *_cli(),
        "--config-file",
        str(config),
        "--no-color",
        "run",
        f"{url}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",
        "--seed",
        "20250212",
        "-H",
        f"Authorization: Bearer {API_TOKEN}",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=MAX_SECONDS, check=False, cwd=tmp_path
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    summary = output.split("SUMMARY")[-1]
    assert "passed" in summary and "Failures:" not in summary, summary
