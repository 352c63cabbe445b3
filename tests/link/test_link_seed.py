"""Seed gold (development gold): every gold mention, place, demonym and pronoun speaker links.

Needs ../shared (skipped when absent). ``test_seed_with_model`` runs the trained pipeline and is
skipped until ``models/de_lagebild`` exists; ``test_seed_without_model`` runs the linker on the
bare tokenizer, the worst case for NER recall (no NER, no parse).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lagebild.link.evaluate import evaluate_linking
from lagebild.nlp import model_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "seeds" / "000_fab17a2d26c07ddf.gold.yaml"

pytestmark = pytest.mark.eval


def _shared() -> Path:
    if not GOLD.is_file():
        pytest.skip(f"seed gold absent ({GOLD}): needs ../shared next to the repository")
    return SHARED


def _check(report: dict[str, Any], minimum: float) -> None:
    assert report["by_type"]["actor"]["n"] >= 60
    assert report["by_type"]["place"]["n"] == 11
    assert report["by_type"]["demonym"]["n"] == 4
    assert report["by_type"]["pronoun"]["n"] == 2
    assert report["overall"]["accuracy"] >= minimum, report["errors"]


def test_seed_without_model() -> None:
    report = evaluate_linking(_shared(), model=False)
    _check(report, 1.0)


def test_seed_with_model() -> None:
    shared = _shared()
    if not (model_path() / "meta.json").is_file():
        pytest.skip(f"trained pipeline absent ({model_path()}): train it with `make model`")
    report = evaluate_linking(shared, model=True)
    # The model's NER and parse add information and errors; the KB pass keeps recall.
    _check(report, 0.95)
