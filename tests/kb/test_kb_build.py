"""The build on a tiny fake kb folder: byte-reproducible, merges data and curated facts, loads."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lagebild.kb import load_kb
from lagebild.kb.build import build, main

COUNTRIES = (
    "cca2\tcca3\tccn3\tindependent\tunMember\tregion\tsubregion\tname_en_common\tname_en_official\t"
    "name_de_common\tname_de_official\tcapital_en\tdemonym_en_m\tdemonym_en_f\tdemonym_fr_m\tdemonym_fr_f\t"
    "alt_spellings\tborders\n"
    "RU\tRUS\t643\tTrue\tTrue\tEurope\tEastern Europe\tRussia\tRussian Federation\tRussland\t"
    "Russische Föderation\tMoscow\tRussian\tRussian\tRusse\tRusse\tRU|Russian Federation\tUKR\n"
    "UA\tUKR\t804\tTrue\tTrue\tEurope\tEastern Europe\tUkraine\tUkraine\tUkraine\tUkraine\tKyiv\t"
    "Ukrainian\tUkrainian\tUkrainien\tUkrainienne\tUA|Ukrayina\tRUS\n"
    "US\tUSA\t840\tTrue\tTrue\tAmericas\tNorth America\tUnited States\tUnited States of America\t"
    "Vereinigte Staaten\tVereinigte Staaten von Amerika\tWashington D.C.\tAmerican\tAmerican\tAméricain\t"
    "Américaine\tUS|USA|United States of America\tCAN\n"
)
TERRITORIES = (
    "code\tname_de\tname_en\n150\tEuropa\tEurope\nRU\tRussland\tRussia\n"
    "US\tVereinigte Staaten\tUnited States\n"
)
CITIES = "tz_id\tcity_de\tcity_from_tz_id\nEurope/Moscow\tMoskau\tMoscow\nEurope/Kiev\tKiew\tKyiv\n"
GEONAMES = (
    "key\tkind\tname_de\tname_geonames\tcountry_code\tpopulation\tlatitude\tlongitude\n"
    "524901\tcity\tMoskau\tMoscow\tRU\t10381222\t55.75204\t37.61781\n"
    "703448\tcity\tKyiw\tKyiv\tUA\t2952301\t50.45466\t30.5238\n"
    "4140963\tcity\tWashington\tWashington\tUS\t689545\t38.89511\t-77.03637\n"
)
ADJECTIVES = {"locale": "de", "nationalities": {"RU": "Russisch", "UA": "Ukrainisch", "US": "Amerikanisch"}}
EXECUTIVE = (
    "type,start,end,party,how,name,first,last,wikidata,bioguide,icpsr_prez\n"
    "prez,2017-01-20,2021-01-20,Republican,election,Donald Trump,Donald,Trump,Q22686,,\n"
    "prez,2021-01-20,2025-01-20,Democrat,election,Joseph Biden,Joseph,Biden,Q6279,B000444,\n"
)
LEADERS = (
    "country_qid,country,position_qid,position,holder_qid,holder,start_year,end_year,first_seen,last_seen,"
    "n_versions,in_latest_2026\n"
    "Q159,Russia,Q842386,Prime Minister of Russia,Q4298520,Mikhail Mishustin,2020,,2021-08-26,2026,197,1\n"
    "Q212,Ukraine,Q1145714,Prime Minister of Ukraine,Q66094865,Denys Shmyhal,2020,,"
    "2021-08-26,2024-10-23,196,0\n"
)


@pytest.fixture
def fake_shared(tmp_path: Path) -> Path:
    kb = tmp_path / "shared" / "data" / "kb"
    files = {
        "countries-mledoze/countries_de.tsv": COUNTRIES,
        "cldr-de/territories_de.tsv": TERRITORIES,
        "cldr-de/exemplar_cities_de.tsv": CITIES,
        "geonames-de/geonames_names_de.tsv": GEONAMES,
        "nationality-adjectives-de/de.json": json.dumps(ADJECTIVES),
        "us-congress-legislators/executive_terms.csv": EXECUTIVE,
        "wikidata-world-leaders/officeholders_observed_2021_2026.csv": LEADERS,
    }
    for name, text in files.items():
        (kb / name).parent.mkdir(parents=True, exist_ok=True)
        (kb / name).write_text(text, encoding="utf-8")
    return tmp_path / "shared"


def test_build_is_reproducible(fake_shared: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "kb.json.gz", tmp_path / "b" / "kb.json.gz"
    build(fake_shared, first)
    build(fake_shared, second)
    assert first.read_bytes() == second.read_bytes()


def test_build_contents(fake_shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "kb.json.gz"
    counts = build(fake_shared, out)
    assert counts["places"] >= 6  # 3 countries, Europe, 3 cities (+ curated places)
    document = json.loads(gzip.decompress(out.read_bytes()))
    actors = {a["id"]: a for a in document["actors"]}
    assert actors["Q4298520"]["aliases"] == ["Michail Mischustin"]  # German transliteration added
    shmyhal = actors["shmyhal"]  # curated id given to the data actor with the same QID
    assert {r[4] for r in shmyhal["roles"]} == {"curated"}  # curated dates replace the data's years
    kb = load_kb(path=out)
    assert [a.id for a in kb.holders("president:USA", "2022-06")] == ["biden"]
    assert kb.lookup("Trumps")[0].actor_id == "trump"
    assert kb.place("Kiew").country == "UKR"  # type: ignore[union-attr]
    assert kb.metonym("Moskau") == "gov_rus"
    assert kb.demonym("russischem") == "RUS"


def test_build_cli(fake_shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.json.gz"
    assert main(["--shared", str(fake_shared), "--out", str(out)]) == 0
    assert out.is_file() and "actors" in capsys.readouterr().out


def test_build_ignores_hash_seed(fake_shared: Path, tmp_path: Path) -> None:
    # set iteration order changes with PYTHONHASHSEED; the file must not
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.json.gz"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-m", "lagebild.kb.build", "--shared", str(fake_shared), "--out", str(out)]
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
