"""Own linking gold (issue #5): ``tests/link/fixtures_de.yaml``, 44 German snippets 2014–2025.

The development part (30 snippets) was used to find and fix errors; the held-back part (14
snippets, written first) was not. Both are scored by ``evaluate_fixtures`` (and by ``lagebild eval
linking`` under ``own_set``). Figures of 2026-11-25 in docs/linking.md ("Accuracy").
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from lagebild.kb import load_kb
from lagebild.link.evaluate import FIXTURES, evaluate_fixtures
from lagebild.nlp import model_path

pytestmark = pytest.mark.eval

# Measured 2026-11-25 (docs/linking.md): dev 82/82 with the trained pipeline, 78/82 without NER
# and parse; held-back 44/48 (0.917) either way. The held-back floor is just under that: the
# rules were not tuned on it.
DEV_MINIMUM = 0.90
HELDOUT_FLOOR_BLANK = 0.90
HELDOUT_FLOOR_MODEL = 0.90


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FIXTURES.read_text(encoding="utf-8"))
    return data


def test_fixture_file_is_well_formed() -> None:
    data = _data()
    dev, heldout = data["dev"], data["heldout"]
    assert len(dev) + len(heldout) >= 40
    assert len(heldout) * 3 >= len(dev) + len(heldout) - 2  # about a third held back
    years = {str(s["published"])[:4] for s in dev + heldout}
    assert min(years) <= "2015" and max(years) >= "2025"
    ids = [s["id"] for s in dev + heldout]
    assert len(ids) == len(set(ids))
    kb = load_kb()
    for snippet in dev + heldout:
        for link in snippet["links"]:
            assert link["span"] in snippet["text"], (snippet["id"], link)
            kinds = {"actor_id", "place", "code"} & set(link)
            assert len(kinds) == 1, (snippet["id"], link)
            if "actor_id" in link and not str(link["actor_id"]).startswith("local:"):
                assert kb.has_actor(link["actor_id"]), (snippet["id"], link["actor_id"])


def _report(model: bool) -> dict[str, Any]:
    return evaluate_fixtures(FIXTURES, model=model)


def test_fixtures_without_model() -> None:
    report = _report(model=False)
    assert report["dev"]["overall"]["accuracy"] >= DEV_MINIMUM, report["dev"]["errors"]
    assert report["heldout"]["overall"]["accuracy"] >= HELDOUT_FLOOR_BLANK, report["heldout"]["errors"]


def test_fixtures_with_model() -> None:
    if not (model_path() / "meta.json").is_file():
        pytest.skip(f"trained pipeline absent ({model_path()}): train it with `make model`")
    report = _report(model=True)
    assert report["dev"]["overall"]["accuracy"] >= DEV_MINIMUM, report["dev"]["errors"]
    assert report["heldout"]["overall"]["accuracy"] >= HELDOUT_FLOOR_MODEL, report["heldout"]["errors"]
