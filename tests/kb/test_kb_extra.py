"""User actors in a YAML file: load_kb(extra=…) and add_actor_to_yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lagebild.errors import LagebildError
from lagebild.kb import add_actor_to_yaml, load_kb
from lagebild.records import Role

EXTRA = """\
actors:
  - id: wagenknecht
    name: Sahra Wagenknecht
    type: PER
    country: DEU
    aliases: [Sarah Wagenknecht]
    roles:
      - {office: party_leader, country: DEU, from: "2024-01-08"}
  - id: peskov
    name: Dmitry Peskov
    aliases: [Kremlsprecher Peskow]
metonyms:
  Willy-Brandt-Haus: party:DEU:spd
"""


def test_extra_yaml(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(EXTRA, encoding="utf-8")
    kb = load_kb(extra=path)
    assert kb.lookup("Sahra Wagenknecht")[0].actor_id == "wagenknecht"
    assert kb.lookup("Wagenknechts")[0].actor_id == "wagenknecht"
    assert kb.lookup("Sarah Wagenknecht")[0].actor_id == "wagenknecht"
    assert [a.id for a in kb.holders("party_leader:DEU", "2025-02")] == ["wagenknecht"]
    assert kb.role_sources("wagenknecht")[0][1] == "user"
    # an existing actor is extended, not replaced
    assert kb.lookup("Kremlsprecher Peskow")[0].actor_id == "peskov"
    assert kb.lookup("Peskow")[0].actor_id == "peskov"
    assert [a.id for a in kb.holders("press_secretary:RUS", "2025-02")] == ["peskov"]
    assert kb.metonym("Willy-Brandt-Haus") == "party:DEU:spd"
    # the shipped KB without the extra file is unchanged
    assert (
        load_kb().lookup("Sahra Wagenknecht") == [] or load_kb().lookup("Sahra Wagenknecht")[0].how == "fuzzy"
    )


def test_extra_yaml_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {type: PER}\n", encoding="utf-8")
    with pytest.raises(LagebildError) as err:
        load_kb(extra=bad)
    assert err.value.code == "E503" and "name" in err.value.message
    bad.write_text("actors:\n  - {name: X, roles: [{office: mayor, from: 'März 2020'}]}\n", encoding="utf-8")
    with pytest.raises(LagebildError):
        load_kb(extra=bad)
    with pytest.raises(LagebildError) as missing:
        load_kb(extra=tmp_path / "nope.yaml")
    assert missing.value.code == "E109"


def test_add_actor_to_yaml(tmp_path: Path) -> None:
    path = tmp_path / "kb" / "mine.yaml"
    first = add_actor_to_yaml(
        path, "Kaja Kallas", ["Kallas"], "PER", "EST", [Role("high_representative", "2024-12-01", None, "eu")]
    )
    second = add_actor_to_yaml(
        path,
        "Kaja Kallas",
        [],
        "PER",
        "EST",
        [{"office": "prime_minister", "country": "EST", "from": "2021-01-26", "to": "2024-07-23"}],
    )
    assert (first, second) == ("kaja_kallas", "kaja_kallas_2")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["actors"][0] == {
        "id": "kaja_kallas",
        "name": "Kaja Kallas",
        "type": "PER",
        "country": "EST",
        "aliases": ["Kallas"],
        "roles": [{"office": "high_representative", "country": "eu", "from": "2024-12-01"}],
    }
    kb = load_kb(extra=path)
    # a user entry with a new id is a new actor beside the curated one (same id would extend it)
    assert {a.id for a in kb.holders("high_representative:eu", "2025-02")} == {"kallas", "kaja_kallas"}
    with pytest.raises(LagebildError):
        add_actor_to_yaml(path, "Nobody", type="ALIEN")
