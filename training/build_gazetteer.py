"""Build entity_ruler patterns (JSONL) from the knowledge-base files in ``shared/data/kb``.

LOC: German country/region names (CLDR, mledoze, GeoNames countries and first-level regions, with the
     short form of "Oblast X"/"Autonome Republik X"), German names of GeoNames cities with at least
     :data:`MIN_CITY_POPULATION` inhabitants, CLDR exemplar cities.
PER: heads of state/government, RU/UA/US cabinet members (Wikidata labels), US presidents and vice
     presidents (us-congress-legislators); multi-word names only.
ORG: German/Austrian/Swiss parties (ParlGov short names in capitals and German full names).
Single-word names that are also entries of spaCy's German lemma table (i.e. common words such as
"Halle") are left out, as are the codes below that GermEval annotates as ORG (EU, UN).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import load_data_module

#: Cities below this size are too often homonyms of common words or people (GeoNames populations).
MIN_CITY_POPULATION = 100_000
#: CLDR territory codes that are organisations or artefacts rather than places.
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "001"}
ADMIN_PREFIXES = ("Oblast ", "Autonome Republik ", "Stadt ", "Region ", "Provinz ", "Bundesstaat ")


def _common_words() -> tuple[set[str], set[str]]:
    import spacy_lookups_data

    path = Path(os.path.dirname(spacy_lookups_data.__file__)) / "data" / "de_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    # keys: word forms (few proper names, mostly genitives such as "Kiews"); lemmas of lower-case
    # forms: common words such as "essen" (from "isst"), so that "Essen" is skipped but "Kiew" is kept
    return set(table), {v.lower() for k, v in table.items() if k[:1].islower()}


def _tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def build(shared: Path) -> dict[str, set[str]]:
    kb = shared / "data" / "kb"
    # "LOC_STRICT": country, region and capital names, near-unambiguous: they may overwrite overlapping
    # NER spans ("Schwarzmeerhalbinsel Krim" PER -> "Krim" LOC); all others only fill gaps.
    names: dict[str, set[str]] = {"LOC": set(), "LOC_STRICT": set(), "PER": set(), "ORG": set()}
    for r in _tsv(kb / "cldr-de" / "territories_de.tsv"):
        if r["code"] not in SKIP_TERRITORIES:
            names["LOC_STRICT"].add(r["name_de"])
    for r in _tsv(kb / "cldr-de" / "exemplar_cities_de.tsv"):
        names["LOC_STRICT"].add(r["city_de"])
    for r in _tsv(kb / "countries-mledoze" / "countries_de.tsv"):
        names["LOC_STRICT"].add(r["name_de_common"])
    for r in _tsv(kb / "geonames-de" / "geonames_names_de.tsv"):
        name = r["name_de"]
        if r["kind"] in ("country", "admin1"):
            names["LOC_STRICT"].add(name)
            for prefix in ADMIN_PREFIXES:
                if name.startswith(prefix):
                    names["LOC_STRICT"].add(name[len(prefix):])
        elif r["kind"] == "city" and r["population"] and int(r["population"]) >= MIN_CITY_POPULATION:
            names["LOC"].add(name)
    for fname in ("heads_of_state_government_latest.csv", "officeholders_observed_2021_2026.csv"):
        for r in _csv(kb / "wikidata-world-leaders" / fname):
            names["PER"].add(r.get("officeholderLabel") or r.get("holder") or "")
    for r in _csv(kb / "wikidata-cabinets-ru-ua-us" / "cabinet_members_observed_2021_2022.csv"):
        names["PER"].update({r["name"], r["name_source_spelling"]})
    for r in _csv(kb / "us-congress-legislators" / "executive_terms.csv"):
        names["PER"].add(r["name"])
    countries = {r["id"]: r["name_short"] for r in _csv(kb / "parlgov" / "country.csv")}
    for r in _csv(kb / "parlgov" / "party.csv"):
        if countries.get(r["country_id"]) not in ("DEU", "AUT", "CHE"):
            continue
        if re.fullmatch(r"[A-ZÄÖÜ]{2,5}", r["name_short"]):
            names["ORG"].add(r["name_short"])
        full = r["name"].split(" – ")[0].split(" | ")[0].strip()
        if " " in full:
            names["ORG"].add(full)
    forms, lemmas = _common_words()
    cleaned: dict[str, set[str]] = {}
    for label, values in names.items():
        keep = set()
        for v in values:
            v = v.replace("\u00ad", "").strip()
            if len(v) < 3 or not v[0].isupper():
                continue
            if " " not in v and (v in forms or v.lower() in forms or v.lower() in lemmas):
                continue
            if label == "PER" and (" " not in v or not re.fullmatch(r"[\w .'-]+", v)):
                continue
            keep.add(v)
        cleaned[label] = keep
    cleaned["LOC"] -= cleaned["LOC_STRICT"]
    return cleaned


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    names = build(load_data_module().shared_dir(args.shared))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for key in sorted(names):
            label = key.split("_")[0]
            for v in sorted(names[key]):
                pattern_id = "kb-" + key.lower().replace("_", "-")
                record = {"label": label, "pattern": v, "id": pattern_id}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print({k: len(v) for k, v in names.items()})


if __name__ == "__main__":
    main()
